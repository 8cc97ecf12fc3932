-- A renewal whose order staff cancelled (issue #16): the service expires on the old date again and the row stays,
-- marked, for the history; the dashboard and the CSV exports count only rows not cancelled. A term renewed and then
-- cancelled can be renewed again (manually, or by the automatic renewal), so "a term is renewed once" holds among the
-- renewals that stand, not among all rows.
alter table service_renewal add column cancelled_at timestamptz;
alter table service_renewal drop constraint service_renewal_term_uk;
create unique index service_renewal_term_uk on service_renewal (service_id, old_valid_until) where cancelled_at is null;
create index service_renewal_order_idx on service_renewal (order_id);
