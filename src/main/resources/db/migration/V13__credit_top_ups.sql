-- Top-ups of the prepaid credit: by bank transfer (pending until staff confirm it) or by card (a payment provider).
create sequence top_up_reference_seq;

create table top_up (
    id                 bigserial primary key,
    reference          varchar(30)   not null unique,
    reseller_id        bigint        not null references reseller (id),
    amount             numeric(12, 2) not null check (amount > 0),
    method             varchar(10)   not null check (method in ('BANK', 'CARD')),
    status             varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'COMPLETED', 'CANCELLED')),
    provider_reference varchar(100) unique,
    created_at         timestamptz   not null default now(),
    created_by         varchar(254)  not null,
    completed_at       timestamptz,
    confirmed_by       varchar(254),
    received_amount    numeric(12, 2) check (received_amount > 0),
    received_on        date,
    bank_reference     varchar(100),
    ledger_entry_id    bigint unique references credit_entry (id),
    constraint top_up_completed_ck check ((status = 'COMPLETED') = (ledger_entry_id is not null))
);
create index top_up_reseller_idx on top_up (reseller_id, created_at desc);
create index top_up_pending_idx on top_up (created_at) where status = 'PENDING';
create index credit_entry_topup_idx on credit_entry (reseller_id, created_at) where kind = 'TOPUP';
