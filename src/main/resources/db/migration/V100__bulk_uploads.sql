-- Bulk issuance (issue 19): a reseller's uploaded file, kept as parsed rows with what is wrong in each cell, so the
-- preview survives a reload and the confirmation pays exactly what was previewed.
create table bulk_upload (
    id             bigserial primary key,
    reseller_id    bigint       not null references reseller (id),
    file_name      varchar(200) not null,
    status         varchar(20)  not null check (status in ('PREVIEW', 'CONFIRMED')),
    -- one per preview shown: a double click or a resubmitted confirmation finds the same orders
    confirm_token  varchar(43)  not null,
    created_at     timestamptz  not null,
    confirmed_at   timestamptz,
    confirmed_by   varchar(254),
    constraint bulk_upload_token_uk unique (confirm_token)
);
create index bulk_upload_reseller_idx on bulk_upload (reseller_id, created_at desc);
-- old previews nobody confirmed are deleted (BulkOrders.expire)
create index bulk_upload_preview_idx on bulk_upload (created_at) where status = 'PREVIEW';

-- The rows of the file as typed (text, whatever was in the cell) and the message key of each wrong cell.
create table bulk_row (
    upload_id     bigint  not null references bulk_upload (id) on delete cascade,
    row_index     int     not null,
    line_no       int     not null,
    product_code  text,
    mode          text,
    quantity      text,
    email         text,
    customer_type text,
    company_name  text,
    first_name    text,
    last_name     text,
    vat_number    text,
    tax_code      text,
    street        text,
    postal_code   text,
    city          text,
    province      text,
    country       text,
    sdi_code      text,
    pec           text,
    problems      text    not null default '',
    primary key (upload_id, row_index)
);

-- What the confirmation made of each row: its order and services.
create table bulk_result (
    upload_id    bigint      not null references bulk_upload (id) on delete cascade,
    row_index    int         not null,
    order_number varchar(20) not null,
    service_ids  text        not null,
    status       varchar(20) not null check (status in ('PAID', 'ASSOCIATED')),
    primary key (upload_id, row_index)
);
