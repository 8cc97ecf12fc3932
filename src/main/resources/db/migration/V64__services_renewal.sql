-- One row per renewal of a purchased service (issue #16): what makes a renewal happen once, and what the staff
-- dashboard and the CSV exports read. An order line renews once (a replayed OrderPlaced renews nothing), and a
-- service's term is renewed once (a manual "Rinnova" and the automatic renewal racing for the same expiry: one wins).
create table service_renewal (
    id              bigserial primary key,
    service_id      bigint         not null references purchased_service (id),
    reseller_id     bigint         not null references reseller (id),
    order_id        bigint         not null references purchase_order (id),
    order_number    varchar(20)    not null,
    order_line_id   bigint         not null references order_line (id),
    product_id      bigint         not null references product (id),
    old_valid_until timestamptz    not null,
    new_valid_until timestamptz    not null,
    -- the line's net price (VAT excluded), the renewal's revenue
    price_net       numeric(12, 2) not null check (price_net >= 0),
    automatic       boolean        not null default false,
    renewed_at      timestamptz    not null,
    constraint service_renewal_order_line_uk unique (order_line_id),
    constraint service_renewal_term_uk unique (service_id, old_valid_until),
    constraint service_renewal_dates_ck check (new_valid_until > old_valid_until)
);
create index service_renewal_renewed_at_idx on service_renewal (renewed_at);
create index service_renewal_reseller_idx on service_renewal (reseller_id, renewed_at desc);
