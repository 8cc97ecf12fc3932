-- Reseller teams (issue 17): an upload an Operatore sent for approval is kept, unconfirmed, while its request waits
-- (until the request's expiry), instead of being deleted with the week-old previews nobody confirmed.
alter table bulk_upload add column held_until timestamptz;
