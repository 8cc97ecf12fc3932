-- A public administration as invoice recipient (customer type PUBLIC): its office code is the 6-character sdi_code;
-- split payment, CIG, CUP and the reference of its purchase order go with the billing data of the order (and of the
-- address book, where CIG, CUP and the order reference are not offered again).
alter table purchase_order
    drop constraint purchase_order_customer_type_check,
    add constraint purchase_order_customer_type_check check (customer_type in ('COMPANY', 'PERSON', 'PUBLIC')),
    add column split_payment   boolean     not null default false,
    add column cig             varchar(10),
    add column cup             varchar(15),
    add column order_reference varchar(20),
    add column order_date      date,
    add constraint purchase_order_public_ck check (customer_type = 'PUBLIC'
        or (not split_payment and cig is null and cup is null and order_reference is null and order_date is null));

alter table billing_customer
    drop constraint billing_customer_customer_type_check,
    add constraint billing_customer_customer_type_check check (customer_type in ('COMPANY', 'PERSON', 'PUBLIC')),
    add column split_payment   boolean     not null default false,
    add column cig             varchar(10),
    add column cup             varchar(15),
    add column order_reference varchar(20),
    add column order_date      date;
