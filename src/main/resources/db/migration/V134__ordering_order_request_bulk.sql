-- Reseller teams (issue 17): an Operatore's bulk order ("Ordine multiplo") above the approval threshold waits for a
-- Titolare too. Its request names the checked upload (kept by the bulk module: its rows, end customers and billing
-- customers, one order each), with its file name, how many rows and billing customers it has, and its totals; it has
-- no lines and no billing data of its own. Approving it issues the upload exactly as its confirmation by the Operatore
-- would (at today's prices, which must still make the same total); rejected or expired, nothing is issued.
alter table order_request
    add column bulk_upload_id bigint,
    add column bulk_file_name varchar(200),
    add column bulk_rows      int check (bulk_rows > 0),
    add column bulk_customers int check (bulk_customers > 0),
    alter column customer_type drop not null,
    alter column street drop not null,
    alter column postal_code drop not null,
    alter column city drop not null,
    alter column province drop not null,
    alter column country drop not null,
    alter column sdi_code drop not null,
    add constraint order_request_bulk_ck check (
        (bulk_upload_id is null and bulk_rows is null and bulk_customers is null and customer_type is not null
            and street is not null and postal_code is not null and city is not null and province is not null
            and country is not null and sdi_code is not null)
        or (bulk_upload_id is not null and bulk_rows is not null and bulk_customers is not null
            and bulk_file_name is not null and customer_type is null));
