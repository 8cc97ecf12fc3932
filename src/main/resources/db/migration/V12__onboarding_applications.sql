-- "Come diventare Rivenditore Web": applications from companies, decided by staff.
create table reseller_application (
    id                bigserial primary key,
    status            varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    company_name      varchar(200) not null,
    vat_number        varchar(30)  not null,
    tax_code          varchar(30),
    street            varchar(200) not null,
    postal_code       varchar(10)  not null,
    city              varchar(100) not null,
    province          varchar(2)   not null,
    country           varchar(2)   not null,
    sdi_code          varchar(7)   not null,
    pec               varchar(254),
    contact_name      varchar(200) not null,
    email             varchar(254) not null,
    phone             varchar(40)  not null,
    terms_accepted_at timestamptz  not null,
    created_at        timestamptz  not null default now(),
    decided_at        timestamptz,
    decided_by        varchar(254),
    reason            varchar(500),
    reseller_id       bigint references reseller (id),
    version           int          not null default 0
);
create index reseller_application_status_idx on reseller_application (status, created_at desc);

-- Single-use links to choose a password: only the hash of the token is kept.
create table password_token (
    id         bigserial primary key,
    user_id    bigint      not null references user_account (id),
    token_hash char(64)    not null unique,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
