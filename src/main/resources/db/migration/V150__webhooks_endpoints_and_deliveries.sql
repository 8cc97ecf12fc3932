-- Webhooks (issue 18): a reseller's endpoints, the deliveries written with the event that caused them (an outbox),
-- and every attempt to send one (the delivery log).
create table webhook_endpoint (
    id              bigserial primary key,
    reseller_id     bigint        not null references reseller (id),
    url             varchar(2000) not null,
    -- the event types it subscribes to, comma-separated: order.paid,service.activated
    events          varchar(300)  not null,
    -- whsec_ + base64 of 32 random bytes (Standard Webhooks); kept as is, since signing needs it
    secret          varchar(100)  not null,
    enabled         boolean       not null default true,
    -- why it is off: OWNER (turned off on the page) or FAILING (3 days of failed deliveries)
    disabled_reason varchar(10) check (disabled_reason in ('OWNER', 'FAILING')),
    -- the first failed attempt since the last delivered one; null while it answers
    failing_since   timestamptz,
    created_at      timestamptz   not null
);
create index webhook_endpoint_reseller_idx on webhook_endpoint (reseller_id);

create table webhook_delivery (
    id               bigserial primary key,
    endpoint_id      bigint       not null references webhook_endpoint (id) on delete cascade,
    -- the webhook-id header: the same on every attempt, so the receiver can drop repeats
    message_id       varchar(40)  not null unique,
    event_type       varchar(40)  not null,
    -- what happened, once per endpoint: order.paid:2026-000123 (a listener run twice writes nothing more)
    event_key        varchar(120) not null,
    payload          text         not null,
    status           varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int          not null default 0,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz  not null,
    delivered_at     timestamptz,
    constraint webhook_delivery_event_uk unique (endpoint_id, event_key)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  bigint       not null references webhook_delivery (id) on delete cascade,
    attempt      int          not null,
    attempted_at timestamptz  not null,
    -- the HTTP status the endpoint answered; null when there was no answer (refused address, timeout, no connection)
    status_code  int,
    latency_ms   int          not null,
    error        varchar(300)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id);
