-- Reseller teams (issue 17): the user of the reseller's team who bought a service, from its
-- order (null for services bought before teams, or through the partner API). An Operatore
-- who sees only its own services sees those it bought; the Titolare filters by it.
alter table purchased_service add column placed_by_user_id bigint references user_account (id);
create index purchased_service_placed_by_idx on purchased_service (reseller_id, placed_by_user_id);
