-- E-mails written in the same transaction as what caused them, sent later by the outbox sender.
create table mail_outbox (
    id              bigserial primary key,
    kind            varchar(40)  not null,
    reference       varchar(60),
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body_text       text         not null,
    body_html       text         not null,
    status          varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(1000),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_reference_idx on mail_outbox (reference);
