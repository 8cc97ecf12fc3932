-- Prepaid credit: an append-only ledger of signed entries, and the running balance guarded by a check.
create table credit_account (
    reseller_id bigint        primary key references reseller (id),
    balance     numeric(12, 2) not null default 0 check (balance >= 0),
    updated_at  timestamptz   not null default now()
);

create table credit_entry (
    id            bigserial primary key,
    reseller_id   bigint        not null references credit_account (reseller_id),
    kind          varchar(20)   not null check (kind in ('TOPUP', 'PURCHASE', 'REFUND', 'ADJUSTMENT')),
    amount        numeric(12, 2) not null check (amount <> 0),
    balance_after numeric(12, 2) not null check (balance_after >= 0),
    reference     varchar(60),
    description   varchar(300)  not null,
    created_by    varchar(254),
    created_at    timestamptz   not null default now()
);
create index credit_entry_reseller_idx on credit_entry (reseller_id, id desc);

-- Entries are never changed or removed: a correction is a new entry.
create function credit_entry_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'credit entries are immutable (entry %)', old.id;
end
$$;
create trigger credit_entry_immutable before update or delete on credit_entry
    for each row execute function credit_entry_immutable();
