-- "Rinnovo automatico" per service (issue #16): the daily job renews it from the credit in the last 30 days before
-- expiry. Off until the reseller turns it on.
alter table purchased_service add column auto_renew boolean not null default false;
-- The daily job looks for running services with automatic renewal that expire soon.
create index purchased_service_auto_renew_idx on purchased_service (valid_until)
    where auto_renew and status in ('ACTIVE', 'SUSPENDED');
