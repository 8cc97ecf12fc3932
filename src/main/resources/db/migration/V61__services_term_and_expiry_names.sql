-- A purchased service keeps the term and renewal window it was sold with, and once activated is valid until
-- activation + term. Two different ends get two different names: ACTIVATION_EXPIRED (was EXPIRED: not activated
-- within the activation deadline, "Non attivato in tempo") and TERM_ENDED (its term is over, "Scaduto").
alter table purchased_service
    add column term_months        integer check (term_months between 1 and 120),
    add column renewal_opens_days integer not null default 90 check (renewal_opens_days between 0 and 365),
    add column renewal_grace_days integer not null default 0 check (renewal_grace_days between 0 and 365),
    add column valid_until        timestamptz;

update purchased_service s
    set term_months = p.term_months, renewal_opens_days = p.renewal_opens_days, renewal_grace_days = p.renewal_grace_days
    from product p
    where p.id = s.product_id;
-- Services activated before terms existed: activation + term, counted in the shop's time zone like the code does.
update purchased_service
    set valid_until = ((activated_at at time zone 'Europe/Rome') + make_interval(months => term_months)) at time zone 'Europe/Rome'
    where activated_at is not null and term_months is not null;

alter table purchased_service drop constraint purchased_service_status_check;
update purchased_service set status = 'ACTIVATION_EXPIRED' where status = 'EXPIRED';
alter table purchased_service add constraint purchased_service_status_check
    check (status in ('NOT_ASSOCIATED', 'ASSOCIATED', 'IN_VERIFICATION', 'ACTIVE', 'ACTIVATION_EXPIRED', 'TERM_ENDED',
                      'SUSPENDED', 'CANCELLED'));
update service_event set kind = 'ACTIVATION_EXPIRED' where kind = 'EXPIRED';

-- The hourly job looks for active services past their date.
create index purchased_service_valid_until_idx on purchased_service (valid_until) where status = 'ACTIVE';
