-- Resellers (companies buying from the shop) and the accounts that log in.
create table reseller (
    id           bigserial primary key,
    company_name varchar(200) not null,
    vat_number   varchar(30)  not null,
    tax_code     varchar(30)  not null,
    street       varchar(200) not null,
    postal_code  varchar(10)  not null,
    city         varchar(100) not null,
    province     varchar(2)   not null,
    country      varchar(2)   not null default 'IT',
    sdi_code     varchar(7)   not null default '0000000',
    pec          varchar(254),
    phone        varchar(40),
    enabled      boolean      not null default true,
    created_at   timestamptz  not null default now()
);

create table user_account (
    id               bigserial primary key,
    email            varchar(254) not null,
    password_hash    varchar(200) not null,
    display_name     varchar(200) not null,
    role             varchar(20)  not null check (role in ('RESELLER', 'STAFF')),
    reseller_id      bigint references reseller (id),
    enabled          boolean      not null default true,
    preferred_locale varchar(5)   not null default 'it',
    created_at       timestamptz  not null default now(),
    constraint user_account_reseller_ck check ((role = 'RESELLER') = (reseller_id is not null))
);
create unique index user_account_email_uk on user_account (lower(email));
create index user_account_reseller_idx on user_account (reseller_id);
