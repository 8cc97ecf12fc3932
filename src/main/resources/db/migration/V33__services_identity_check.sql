-- Without an identification provider, a service waits "in verifica" until staff confirm (or refuse) that the end
-- customer was identified with the trust service provider.
alter table purchased_service drop constraint purchased_service_status_check;
alter table purchased_service add constraint purchased_service_status_check
    check (status in ('DA_ASSOCIARE', 'ASSOCIATO', 'IN_VERIFICA', 'ATTIVO', 'SCADUTO', 'SOSPESO', 'ANNULLATO'));
create index purchased_service_in_verifica_idx on purchased_service (activation_started_at)
    where status = 'IN_VERIFICA';
