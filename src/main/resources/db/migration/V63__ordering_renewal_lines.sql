-- An order line that renewed a purchased service (issue #16), as the cart line said: which service, for which end
-- customer, the expiry it renewed (the payment renews only if the service still has it) and the new one.
alter table order_line
    add column renews_service_id      bigint,
    add column renewal_customer_email varchar(254),
    add column renewal_valid_until    timestamptz,
    add column renewal_until          timestamptz,
    add constraint order_line_renewal_ck check (
        (renews_service_id is null and renewal_valid_until is null and renewal_until is null)
        or (renews_service_id is not null and renewal_valid_until is not null and renewal_until is not null
            and quantity = 1));
create index order_line_renews_service_idx on order_line (renews_service_id) where renews_service_id is not null;
