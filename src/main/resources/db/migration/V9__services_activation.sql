-- Linking a service to an end customer, the activation link, identification, and the service's history.
alter table purchased_service
    add column customer_first_name   varchar(100),
    add column customer_last_name    varchar(100),
    add column customer_tax_code     varchar(16),
    add column customer_mobile       varchar(30),
    add column associated_at         timestamptz,
    add column activation_started_at timestamptz,
    add column activated_at          timestamptz,
    add column suspended_until       timestamptz,
    add column status_reason         varchar(300),
    add column reminder_sent_at      timestamptz,
    add column version               int not null default 0;
create index purchased_service_email_idx on purchased_service (lower(customer_email));
create index purchased_service_deadline_idx on purchased_service (activation_deadline)
    where status in ('DA_ASSOCIARE', 'ASSOCIATO');

-- Personal activation links: only a SHA-256 hash of the token is kept.
create table activation_token (
    id         bigserial primary key,
    service_id bigint       not null references purchased_service (id),
    token_hash char(64)     not null unique,
    email      varchar(254) not null,
    expires_at timestamptz  not null,
    created_at timestamptz  not null default now(),
    used_at    timestamptz,
    revoked_at timestamptz
);
create index activation_token_service_idx on activation_token (service_id);

-- An identification at the external provider, started from an activation.
create table identification_session (
    id           bigserial primary key,
    reference    varchar(64) not null unique,
    service_id   bigint      not null references purchased_service (id),
    provider     varchar(40) not null,
    status       varchar(20) not null check (status in ('STARTED', 'SUCCEEDED', 'FAILED')),
    created_at   timestamptz not null default now(),
    completed_at timestamptz
);

-- What happened to a service, when and by whom.
create table service_event (
    id         bigserial primary key,
    service_id bigint      not null references purchased_service (id),
    kind       varchar(30) not null,
    detail     varchar(500),
    actor      varchar(254),
    created_at timestamptz not null default now()
);
create index service_event_service_idx on service_event (service_id, id);
