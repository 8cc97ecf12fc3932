-- One server-side cart per reseller: the same cart after logout and on a phone.
create table cart (
    id          bigserial primary key,
    reseller_id bigint      not null unique references reseller (id),
    updated_at  timestamptz not null default now()
);

create table cart_line (
    id               bigserial primary key,
    cart_id          bigint        not null references cart (id) on delete cascade,
    product_id       bigint        not null references product (id),
    mode             varchar(20)   not null,
    quantity         int           not null check (quantity between 1 and 99),
    -- the price the reseller saw when adding the line, to tell them when it changed
    unit_list_price  numeric(12, 2) not null,
    discount_percent numeric(5, 2)  not null,
    unit_net_price   numeric(12, 2) not null,
    added_at         timestamptz   not null default now(),
    constraint cart_line_product_mode_uk unique (cart_id, product_id, mode)
);
