-- Reseller teams (issue 17): an Operatore's cart with renewals above the approval threshold waits for a Titolare too.
-- A requested renewal line keeps, as the cart line and the order line do, which service it renews, for which end
-- customer, the expiry it was priced for and the new one: approving it renews the service only if it still expires
-- then (not renewed meanwhile, e.g. by the automatic renewal) and its window is open.
alter table order_request_line
    add column renews_service_id      bigint,
    add column renewal_customer_email varchar(254),
    add column renewal_valid_until    timestamptz,
    add column renewal_until          timestamptz,
    add constraint order_request_line_renewal_ck check (
        (renews_service_id is null and renewal_valid_until is null and renewal_until is null)
        or (renews_service_id is not null and renewal_valid_until is not null and renewal_until is not null
            and quantity = 1));
