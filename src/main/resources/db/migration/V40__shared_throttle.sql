-- Events counted against a limit (contact requests per address, e-mails per recipient, ...), shared by every
-- instance. Rows older than two days are deleted by it.rivendo.shared.Throttle.forgetOld.
create table throttle_event (
    id      bigserial primary key,
    bucket  varchar(40)  not null,
    subject varchar(254) not null,
    at      timestamptz  not null
);
create index throttle_event_subject_idx on throttle_event (bucket, subject, at desc);
create index throttle_event_at_idx on throttle_event (at);
