-- "Apri su altro dispositivo": one-time tokens that continue a page on a phone. Only hashes are stored.
create table handoff_token (
    id            bigserial primary key,
    token_hash    char(64)     not null unique,
    code_hash     char(64)     not null unique,
    user_id       bigint       not null references user_account (id),
    session_id    varchar(100) not null,
    target_path   varchar(500) not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    used_at       timestamptz,
    creator_agent varchar(500),
    user_agent    varchar(500)
);
create index handoff_token_user_idx on handoff_token (user_id, created_at desc);

-- Wrong codes typed by hand, per address, to slow down guessing.
create table handoff_failure (
    id bigserial primary key,
    ip varchar(64) not null,
    at timestamptz not null default now()
);
create index handoff_failure_ip_idx on handoff_failure (ip, at desc);
