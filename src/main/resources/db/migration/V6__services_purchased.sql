-- One row per unit bought: the service the reseller hands on to an end customer.
create table purchased_service (
    id                  bigserial primary key,
    reseller_id         bigint        not null references reseller (id),
    order_id            bigint        not null references purchase_order (id),
    order_number        varchar(20)   not null,
    order_line_id       bigint        not null references order_line (id),
    product_id          bigint        not null references product (id),
    product_code        varchar(40)   not null,
    product_name        varchar(200)  not null,
    product_name_en     varchar(200)  not null,
    mode                varchar(20)   not null,
    price_paid          numeric(12, 2) not null,
    status              varchar(20)   not null
        check (status in ('DA_ASSOCIARE', 'ASSOCIATO', 'ATTIVO', 'SCADUTO', 'SOSPESO', 'ANNULLATO')),
    customer_email      varchar(254),
    customer_name       varchar(200),
    purchased_at        timestamptz   not null,
    activation_deadline timestamptz   not null,
    updated_at          timestamptz   not null default now()
);
create index purchased_service_reseller_idx on purchased_service (reseller_id, purchased_at desc);
create index purchased_service_order_idx on purchased_service (order_id);
