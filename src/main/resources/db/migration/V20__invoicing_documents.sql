-- Invoices (TD01), credit notes (TD04) and top-up receipts. Each kind has its own gap-free number per year: a counter
-- row per (kind, year) incremented inside the transaction that issues the document, never a sequence (sequences
-- leave gaps on rollback).
create table invoice_counter (
    kind        varchar(20) not null check (kind in ('INVOICE', 'CREDIT_NOTE', 'RECEIPT')),
    year        int         not null check (year between 2000 and 2999),
    last_number int         not null default 0 check (last_number >= 0),
    primary key (kind, year)
);

create table invoice_document (
    id              bigserial primary key,
    kind            varchar(20)    not null check (kind in ('INVOICE', 'CREDIT_NOTE', 'RECEIPT')),
    year            int            not null check (year between 2000 and 2999),
    seq             int            not null check (seq > 0),
    number          varchar(20)    not null,
    reseller_id     bigint         not null references reseller (id),
    order_id        bigint         references purchase_order (id),
    order_number    varchar(20),
    credit_entry_id bigint         references credit_entry (id),
    corrects_id     bigint         references invoice_document (id),
    reason          varchar(300),
    issue_date      date           not null,
    issued_at       timestamptz    not null,
    -- the recipient, as confirmed at checkout (or the reseller's own data for a receipt)
    customer_type   varchar(10)    not null check (customer_type in ('COMPANY', 'PERSON')),
    company_name    varchar(200),
    first_name      varchar(100),
    last_name       varchar(100),
    vat_number      varchar(30),
    tax_code        varchar(30),
    street          varchar(200)   not null,
    postal_code     varchar(10)    not null,
    city            varchar(100)   not null,
    province        varchar(2),
    country         varchar(2)     not null,
    sdi_code        varchar(7),
    pec             varchar(254),
    taxable_amount  numeric(12, 2) not null check (taxable_amount >= 0),
    vat_amount      numeric(12, 2) not null check (vat_amount >= 0),
    total_amount    numeric(12, 2) not null check (total_amount > 0),
    constraint invoice_document_seq_uk unique (kind, year, seq),
    constraint invoice_document_number_uk unique (kind, number),
    constraint invoice_document_total_ck check (total_amount = taxable_amount + vat_amount),
    constraint invoice_document_kind_ck check (
        (kind = 'INVOICE' and order_id is not null and corrects_id is null and credit_entry_id is null)
        or (kind = 'CREDIT_NOTE' and order_id is not null and corrects_id is not null and credit_entry_id is null
            and reason is not null)
        or (kind = 'RECEIPT' and credit_entry_id is not null and order_id is null and corrects_id is null
            and vat_amount = 0))
);
-- one invoice and at most one credit note per order, one receipt per top-up
create unique index invoice_document_order_uk on invoice_document (kind, order_id) where order_id is not null;
create unique index invoice_document_entry_uk on invoice_document (credit_entry_id) where credit_entry_id is not null;
create index invoice_document_issue_date_idx on invoice_document (issue_date, kind);
create index invoice_document_reseller_idx on invoice_document (reseller_id);

create table invoice_line (
    id             bigserial primary key,
    document_id    bigint         not null references invoice_document (id),
    line_no        int            not null check (line_no > 0),
    product_code   varchar(40),
    description    varchar(300)   not null,
    description_en varchar(300)   not null,
    quantity       int            not null check (quantity > 0),
    unit_price     numeric(12, 2) not null check (unit_price >= 0),
    vat_rate       numeric(5, 2)  not null check (vat_rate >= 0),
    line_net       numeric(12, 2) not null check (line_net >= 0),
    constraint invoice_line_no_uk unique (document_id, line_no),
    constraint invoice_line_net_ck check (line_net = unit_price * quantity)
);
