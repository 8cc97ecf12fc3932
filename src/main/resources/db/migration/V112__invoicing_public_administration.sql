-- The recipient of an invoice may be a public administration (FPA12): the same columns as the order's billing data
-- (V111). And the stamp duty (imposta di bollo, 2 euro, paid virtually) of a document whose amounts without VAT go
-- over 77.47 euro: kept with the document as issued, 0 when none is due.
alter table invoice_document
    drop constraint invoice_document_customer_type_check,
    add constraint invoice_document_customer_type_check check (customer_type in ('COMPANY', 'PERSON', 'PUBLIC')),
    add column split_payment   boolean        not null default false,
    add column cig             varchar(10),
    add column cup             varchar(15),
    add column order_reference varchar(20),
    add column order_date      date,
    add column stamp_duty      numeric(12, 2) not null default 0 check (stamp_duty >= 0);
