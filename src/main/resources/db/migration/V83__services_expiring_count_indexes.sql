-- "In scadenza" shows what renewing every matching service costs: how many services of each product and mode match.
-- With 100,000 services of one reseller that counted 8,000 to 24,500 rows on every page view, each read from the
-- table (10-21 ms, bench/renewals.sh). These two indexes hold what the count needs, split as the page's condition is
-- (running services before a date; ended ones still in their grace days), so it is an index-only scan of the dates
-- in range, grouped in the index's own tuples (ExpiringRows.counts).
create index purchased_service_running_count_idx on purchased_service (reseller_id, valid_until)
    include (product_id, product_code, mode)
    where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null;
create index purchased_service_ended_count_idx on purchased_service (reseller_id, valid_until)
    include (product_id, product_code, mode, renewal_grace_days)
    where status = 'TERM_ENDED';
