-- "Contattaci": support requests from resellers and from the public, and staff answers to them.
create table support_request (
    id           bigserial primary key,
    reseller_id  bigint references reseller (id),
    sender_name  varchar(200)  not null,
    sender_email varchar(254)  not null,
    topic        varchar(20)   not null check (topic in ('ORDER', 'ACTIVATION', 'CREDIT', 'INVOICE', 'OTHER')),
    -- for a reseller, one of its own orders (checked by the shop); for the public, free text that is only kept
    order_number varchar(40),
    message      varchar(5000) not null check (length(trim(message)) > 0),
    locale       varchar(5)    not null default 'it',
    status       varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    closed_at    timestamptz,
    closed_by    varchar(254),
    constraint support_request_closed_ck check ((status = 'CLOSED') = (closed_at is not null))
);
create index support_request_status_idx on support_request (status, created_at desc);
create index support_request_reseller_idx on support_request (reseller_id, created_at desc);

create table support_answer (
    id          bigserial primary key,
    request_id  bigint        not null references support_request (id),
    body        varchar(5000) not null check (length(trim(body)) > 0),
    answered_by varchar(254)  not null,
    created_at  timestamptz   not null default now()
);
create index support_answer_request_idx on support_answer (request_id, id);
