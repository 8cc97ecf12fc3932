-- A purchased service's status in English, as the code names it (was Italian: DA_ASSOCIARE, ATTIVO, ...). The pages
-- still say "Da associare", "Attivo", ... through their message keys. The partial indexes follow the new values.
alter table purchased_service drop constraint purchased_service_status_check;
update purchased_service set status = case status
    when 'DA_ASSOCIARE' then 'NOT_ASSOCIATED'
    when 'ASSOCIATO' then 'ASSOCIATED'
    when 'IN_VERIFICA' then 'IN_VERIFICATION'
    when 'ATTIVO' then 'ACTIVE'
    when 'SCADUTO' then 'EXPIRED'
    when 'SOSPESO' then 'SUSPENDED'
    when 'ANNULLATO' then 'CANCELLED'
    else status end;
alter table purchased_service add constraint purchased_service_status_check
    check (status in ('NOT_ASSOCIATED', 'ASSOCIATED', 'IN_VERIFICATION', 'ACTIVE', 'EXPIRED', 'SUSPENDED', 'CANCELLED'));

drop index purchased_service_deadline_idx;
create index purchased_service_deadline_idx on purchased_service (activation_deadline)
    where status in ('NOT_ASSOCIATED', 'ASSOCIATED');
drop index purchased_service_in_verifica_idx;
create index purchased_service_in_verification_idx on purchased_service (activation_started_at)
    where status = 'IN_VERIFICATION';
