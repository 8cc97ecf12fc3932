-- Reseller teams (issue 17): an Operatore's order above this total waits for a Titolare's approval
-- (null: no approval needed), set by the Titolare on the Utenti page.
alter table reseller add column approval_threshold numeric(12, 2)
    constraint reseller_approval_threshold_ck check (approval_threshold is null or approval_threshold >= 0);
