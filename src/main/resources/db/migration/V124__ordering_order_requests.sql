-- Reseller teams (issue 17): an Operatore's cart above the account's approval threshold becomes a request that
-- waits for a Titolare. Nothing is charged until it is approved (then it is paid as an order, with the same checks
-- of credit and monthly limit, and order_number says which); a rejected or expired request leaves only this row.
create table order_request (
    id                   bigserial primary key,
    reseller_id          bigint         not null references reseller (id),
    requested_by_user_id bigint         not null references user_account (id),
    -- one per checkout form: the same form posted twice finds the first request
    checkout_token       varchar(64)    not null,
    status               varchar(10)    not null default 'PENDING'
        constraint order_request_status_ck check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    taxable_amount       numeric(12, 2) not null check (taxable_amount >= 0),
    vat_amount           numeric(12, 2) not null check (vat_amount >= 0),
    total_amount         numeric(12, 2) not null check (total_amount >= 0),
    customer_type        varchar(10)    not null check (customer_type in ('COMPANY', 'PERSON', 'PUBLIC')),
    company_name         varchar(200),
    first_name           varchar(100),
    last_name            varchar(100),
    vat_number           varchar(30),
    tax_code             varchar(30),
    street               varchar(200)   not null,
    postal_code          varchar(10)    not null,
    city                 varchar(100)   not null,
    province             varchar(2)     not null,
    country              varchar(2)     not null,
    sdi_code             varchar(7)     not null,
    pec                  varchar(254),
    split_payment        boolean        not null default false,
    cig                  varchar(10),
    cup                  varchar(15),
    order_reference      varchar(20),
    order_date           date,
    created_at           timestamptz    not null,
    expires_at           timestamptz    not null,
    decided_at           timestamptz,
    decided_by           varchar(254),
    reason               varchar(300),
    order_number         varchar(20),
    constraint order_request_token_uk unique (reseller_id, checkout_token),
    constraint order_request_approved_ck check ((status = 'APPROVED') = (order_number is not null))
);
create index order_request_reseller_idx on order_request (reseller_id, created_at desc);
create index order_request_pending_idx on order_request (expires_at) where status = 'PENDING';

-- What was asked for, at the prices of the moment of the request: an approval pays exactly this.
create table order_request_line (
    request_id       bigint         not null references order_request (id),
    line_no          int            not null,
    product_id       bigint         not null references product (id),
    product_code     varchar(40)    not null,
    product_name     varchar(200)   not null,
    product_name_en  varchar(200)   not null,
    mode             varchar(20)    not null,
    quantity         int            not null check (quantity between 1 and 99),
    unit_list_price  numeric(12, 2) not null,
    discount_percent numeric(5, 2)  not null,
    unit_net_price   numeric(12, 2) not null,
    vat_rate         numeric(5, 2)  not null,
    primary key (request_id, line_no)
);
