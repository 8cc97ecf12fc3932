-- Orders paid from credit, with a snapshot of prices and of the billing data confirmed at checkout.
create sequence order_number_seq;

create table purchase_order (
    id             bigserial primary key,
    number         varchar(20)   not null unique,
    reseller_id    bigint        not null references reseller (id),
    -- one token per checkout form: the same form posted twice finds the first order
    checkout_token varchar(64)   not null,
    status         varchar(20)   not null check (status in ('PAID', 'CANCELLED')),
    taxable_amount numeric(12, 2) not null check (taxable_amount >= 0),
    vat_amount     numeric(12, 2) not null check (vat_amount >= 0),
    total_amount   numeric(12, 2) not null check (total_amount >= 0),
    -- billing data of the invoice recipient, as confirmed
    customer_type  varchar(10)   not null check (customer_type in ('COMPANY', 'PERSON')),
    company_name   varchar(200),
    first_name     varchar(100),
    last_name      varchar(100),
    vat_number     varchar(30),
    tax_code       varchar(30),
    street         varchar(200)  not null,
    postal_code    varchar(10)   not null,
    city           varchar(100)  not null,
    province       varchar(2)    not null,
    country        varchar(2)    not null,
    sdi_code       varchar(7)    not null,
    pec            varchar(254),
    created_at     timestamptz   not null default now(),
    constraint purchase_order_checkout_token_uk unique (reseller_id, checkout_token),
    constraint purchase_order_total_ck check (total_amount = taxable_amount + vat_amount)
);
create index purchase_order_reseller_idx on purchase_order (reseller_id, created_at desc);

create table order_line (
    id               bigserial primary key,
    order_id         bigint        not null references purchase_order (id),
    line_no          int           not null,
    product_id       bigint        not null references product (id),
    product_code     varchar(40)   not null,
    product_name     varchar(200)  not null,
    product_name_en  varchar(200)  not null,
    mode             varchar(20)   not null,
    quantity         int           not null check (quantity between 1 and 99),
    unit_list_price  numeric(12, 2) not null,
    discount_percent numeric(5, 2)  not null,
    unit_net_price   numeric(12, 2) not null,
    vat_rate         numeric(5, 2)  not null,
    line_net         numeric(12, 2) not null,
    constraint order_line_no_uk unique (order_id, line_no)
);

-- The reseller's address book of end customers to bill.
create table billing_customer (
    id            bigserial primary key,
    reseller_id   bigint       not null references reseller (id),
    customer_type varchar(10)  not null check (customer_type in ('COMPANY', 'PERSON')),
    company_name  varchar(200),
    first_name    varchar(100),
    last_name     varchar(100),
    vat_number    varchar(30),
    tax_code      varchar(30),
    street        varchar(200) not null,
    postal_code   varchar(10)  not null,
    city          varchar(100) not null,
    province      varchar(2)   not null,
    country       varchar(2)   not null,
    sdi_code      varchar(7)   not null,
    pec           varchar(254),
    created_at    timestamptz  not null default now()
);
create index billing_customer_reseller_idx on billing_customer (reseller_id);
