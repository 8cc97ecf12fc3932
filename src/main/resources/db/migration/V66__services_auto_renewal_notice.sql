-- The automatic renewal could not be paid because the credit was short (issue #16): one e-mail per reseller per day,
-- saying how much to top up for all its services due. The primary key makes it once a day, also with several
-- instances running the job.
create table auto_renewal_notice (
    reseller_id bigint         not null references reseller (id),
    day         date           not null,
    services    int            not null check (services > 0),
    total       numeric(12, 2) not null check (total > 0),
    missing     numeric(12, 2) not null check (missing > 0),
    created_at  timestamptz    not null,
    primary key (reseller_id, day)
);
