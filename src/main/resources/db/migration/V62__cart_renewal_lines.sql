-- A cart line can renew one purchased service (issue #16): renews_service_id names it (no foreign key: the cart does
-- not reach into the services module's tables), with the end customer's e-mail and the service's expiry as they were
-- when "Rinnova" was pressed, and the date the renewal extends it to. A renewal line is always one unit.
alter table cart_line
    add column renews_service_id      bigint,
    add column renewal_customer_email varchar(254),
    add column renewal_valid_until    timestamptz,
    add column renewal_until          timestamptz,
    add constraint cart_line_renewal_ck check (
        (renews_service_id is null and renewal_valid_until is null and renewal_until is null)
        or (renews_service_id is not null and renewal_valid_until is not null and renewal_until is not null
            and quantity = 1));

-- Purchases of a product in a mode share a line; renewals of the same product have one line each.
alter table cart_line drop constraint cart_line_product_mode_uk;
create unique index cart_line_product_mode_uk on cart_line (cart_id, product_id, mode) where renews_service_id is null;
-- A service is in a cart once (a service belongs to one reseller, who has one cart).
create unique index cart_line_renewal_uk on cart_line (renews_service_id) where renews_service_id is not null;
