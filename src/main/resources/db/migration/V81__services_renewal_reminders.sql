-- Renewal reminders (issue #16). One row per service, expiry and threshold (90, 30, 7 days before the expiry, 0 = the
-- expiry day) that the daily job told the reseller about: the primary key makes each reminder once, also with two
-- instances running the job; a renewal moves the service's valid_until, so the next term gets its own rows.
create table service_reminder (
    service_id        bigint      not null references purchased_service (id),
    valid_until       timestamptz not null,
    threshold         integer     not null check (threshold in (90, 30, 7, 0)),
    reseller_id       bigint      not null references reseller (id),
    -- calendar days (Italy) from the day it was sent to the expiry: the threshold, or less after days without a run
    days_left         integer     not null check (days_left <= threshold),
    day               date        not null,
    customer_notified boolean     not null default false,
    created_at        timestamptz not null,
    primary key (service_id, valid_until, threshold)
);
create index service_reminder_reseller_idx on service_reminder (reseller_id, day);

-- The day's e-mail to a reseller listing its reminders: one per reseller and day. The job takes this row first, so a
-- second instance waits for the first one's commit and then finds the reseller done for the day.
create table service_reminder_mail (
    reseller_id bigint      not null references reseller (id),
    day         date        not null,
    services    integer     not null check (services >= 0),
    created_at  timestamptz not null,
    primary key (reseller_id, day)
);

-- The reseller's choice: also tell the end customers (at 30 days and on the expiry day), signed with the reseller's
-- name. Off unless a row says otherwise.
create table reseller_reminder_setting (
    reseller_id          bigint       primary key references reseller (id),
    notify_end_customers boolean      not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(254) not null
);

-- The daily job looks for services by date whose term runs or just ended, across all resellers.
create index purchased_service_reminder_idx on purchased_service (valid_until)
    where status in ('ACTIVE', 'SUSPENDED', 'TERM_ENDED');
