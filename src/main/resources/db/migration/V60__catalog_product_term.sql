-- How long a service lasts and when it can be renewed. term_months is null for what does not expire (consumables such
-- as time-stamp packs); the renewal window opens renewal_opens_days before expiry and stays open renewal_grace_days
-- after it. Staff edit all three in the catalog.
alter table product
    add column term_months         integer check (term_months between 1 and 120),
    add column renewal_opens_days  integer not null default 90 check (renewal_opens_days between 0 and 365),
    add column renewal_grace_days  integer not null default 0 check (renewal_grace_days between 0 and 365);

-- The shop's products as the issue (#16) and their descriptions give them: PEC, remote signature, SPID, e-invoicing
-- and archiving 12 months, the 3-year products and the signature devices ("Validità 3 anni") 36, time stamps none.
-- A signature certificate or a SPID identity past its date needs a new identification, so no grace after expiry;
-- PEC mailboxes and e-invoicing plans can still be renewed for 30 days.
update product p set term_months = 12, renewal_grace_days = case f.code when 'PEC' then 30 when 'FATTURA' then 30 else 0 end
    from product_family f
    where f.id = p.family_id and f.code in ('PEC', 'FIRMA', 'SPID', 'FATTURA');
update product set term_months = 36
    where code like '%-3A' or code in ('FIRMA-SMARTCARD', 'FIRMA-TOKEN-USB');
