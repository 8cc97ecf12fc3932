-- Login attempts, shared by every instance: repeated failures slow down guessing per account and per address.
create table login_attempt (
    id      bigserial primary key,
    email   varchar(254) not null,
    ip      varchar(64)  not null,
    success boolean      not null,
    at      timestamptz  not null default now()
);
create index login_attempt_email_idx on login_attempt (lower(email), at desc);
create index login_attempt_ip_idx on login_attempt (ip, at desc);
