-- The partner API's rate limit per key, shared by every instance: one row per key and minute (a fixed window),
-- counted by one statement per request (it.rivendo.api.RateLimits.take: insert ... on conflict do update ... returning).
-- A request over the limit writes nothing (the update's where clause refuses it), so a flood does not grow the row.
-- Rows older than an hour are deleted by RateLimits.forgetOld.
create table api_rate_window (
    key_id       bigint      not null references api_key (id),
    window_start timestamptz not null,
    used         int         not null check (used > 0),
    primary key (key_id, window_start)
);
create index api_rate_window_start_idx on api_rate_window (window_start);
