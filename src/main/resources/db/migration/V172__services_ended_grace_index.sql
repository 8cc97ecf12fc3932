-- "In scadenza" lists the ended services still in their grace days. Their grace (renewal_grace_days, 0-365, copied
-- from the product at purchase) differs per service, so the page looked at every ended service of the last 366 days
-- on each view (30,000 lapsed services of one reseller: 6-16 ms a view). The longest grace of any ended service bounds
-- that to the days that can still matter; this index gives it in one probe (ExpiringRows.GRACE_START).
create index purchased_service_ended_grace_idx on purchased_service (renewal_grace_days) where status = 'TERM_ENDED';
