-- Keys of the partner API (/api/v1): a reseller's software calls with "Authorization: Bearer <key>". The key is
-- shown once; only its SHA-256 is kept (a 256-bit random secret: a fast hash is safe, and lets a request find its
-- key by an index lookup). The prefix is what the API page shows to tell keys apart.
create table api_key (
    id           bigserial primary key,
    reseller_id  bigint       not null references reseller (id),
    name         varchar(100) not null,
    scope        varchar(20)  not null check (scope in ('READ', 'READ_WRITE')),
    prefix       varchar(40)  not null,
    secret_hash  varchar(64)  not null,
    created_at   timestamptz  not null,
    created_by   varchar(254) not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(254),
    constraint api_key_secret_uk unique (secret_hash)
);
create index api_key_reseller_idx on api_key (reseller_id, id desc);
