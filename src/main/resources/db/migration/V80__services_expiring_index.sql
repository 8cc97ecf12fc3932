-- "In scadenza" and the renewal reminders look for a reseller's services by date: those with a date, per reseller in
-- date order (the page reads its 20 rows and counts without touching the others).
create index purchased_service_expiring_idx on purchased_service (reseller_id, valid_until)
    where valid_until is not null;
