-- The answers of POST /api/v1/orders by Idempotency-Key, per API key: the same key sent again with the same body
-- gets the stored answer (status and body), with another body a 422. Written in the transaction that placed the
-- order, so an answer is stored if and only if its order was. A request still running is not a row: it holds a
-- transaction-scoped advisory lock on (key, Idempotency-Key), which a crash releases with the rollback, so no key is
-- left stuck "running". Rows older than a day are deleted by it.rivendo.api.Idempotency.forgetOld.
create table api_idempotency (
    key_id          bigint       not null references api_key (id),
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    status          int          not null,
    body            text         not null,
    created_at      timestamptz  not null,
    primary key (key_id, idempotency_key)
);
create index api_idempotency_created_idx on api_idempotency (created_at);
