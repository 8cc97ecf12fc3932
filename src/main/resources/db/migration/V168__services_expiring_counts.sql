-- "In scadenza" shows how many services of each product and mode run out within 30, 60 or 90 days and what renewing
-- them all costs. Counted on every page view (V83: an index-only scan of 8,000 to 24,500 index entries for a reseller
-- holding 100,000 services) that was 2-21 ms of PostgreSQL a view, most of the database's time on the page
-- (bench/renewals.sh, 1 December 2026). The counts only change when a service changes, so they are kept here:
-- running services (active or suspended, with a date) per reseller, product, mode and day of expiry in the shop's
-- time zone ("within 30 days" ends at a midnight of that zone, so a day is never split). The triggers below add a row
-- of changes (+n or -n) for each statement that writes purchased_service, never updating a row: writers do not wait
-- on each other here nor deadlock; ServiceLifecycle folds each key's rows into one every hour (ExpiringCounts.fold)
-- and drops the keys that sum to zero. A count is the sum of a key's rows, folded or not.
create table expiring_count (
    id           bigint generated always as identity primary key,
    reseller_id  bigint      not null,
    product_id   bigint      not null,
    product_code varchar(40) not null,
    mode         varchar(20) not null,
    day          date        not null,
    services     integer     not null,
    -- false: a row of changes written by a trigger, not yet folded
    folded       boolean     not null default false
);
create index expiring_count_reseller_day_idx on expiring_count (reseller_id, day)
    include (product_id, product_code, mode, services);
create index expiring_count_unfolded_idx on expiring_count (reseller_id, product_id, product_code, mode, day)
    where not folded;

-- the key of a running service, its +1 (new_rows) or -1 (old_rows) summed per key; only non-zero sums are written
create function expiring_count_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into expiring_count (reseller_id, product_id, product_code, mode, day, services)
        select reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date, count(*)
        from new_rows
        where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null
        group by 1, 2, 3, 4, 5;
    elsif tg_op = 'DELETE' then
        insert into expiring_count (reseller_id, product_id, product_code, mode, day, services)
        select reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date, -count(*)
        from old_rows
        where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null
        group by 1, 2, 3, 4, 5;
    else
        insert into expiring_count (reseller_id, product_id, product_code, mode, day, services)
        select reseller_id, product_id, product_code, mode, day, sum(change)
        from (select reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date as day,
                     1 as change
              from new_rows where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null
              union all
              select reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date, -1
              from old_rows where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null) changes
        group by 1, 2, 3, 4, 5
        having sum(change) <> 0;
    end if;
    return null;
end
$$;

-- a trigger with transition tables fires for one kind of statement only
create trigger expiring_count_inserted after insert on purchased_service
    referencing new table as new_rows for each statement execute function expiring_count_changed();
create trigger expiring_count_updated after update on purchased_service
    referencing old table as old_rows new table as new_rows for each statement execute function expiring_count_changed();
create trigger expiring_count_deleted after delete on purchased_service
    referencing old table as old_rows for each statement execute function expiring_count_changed();

-- the services already there
insert into expiring_count (reseller_id, product_id, product_code, mode, day, services, folded)
select reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date, count(*), true
from purchased_service
where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null
group by 1, 2, 3, 4, 5;
