-- The audit page shows staff actions and credit movements in one list, newest first: a read-only view over the
-- audit trail and the credit ledger (both immutable). Credit entries show the balance before and after.
create view audit_timeline as
select 'AUDIT' as source, e.id, e.at, e.actor, e.action, e.target, e.detail
from audit_event e
union all
select 'CREDIT' as source, c.id, c.created_at as at, coalesce(c.created_by, 'system') as actor,
       'CREDIT_' || c.kind as action,
       'reseller-' || c.reseller_id || ' ' || r.company_name as target,
       'amount: ' || c.amount || '; balance: ' || (c.balance_after - c.amount) || ' → ' || c.balance_after
           || coalesce('; reference: ' || c.reference, '') || '; ' || c.description as detail
from credit_entry c
join reseller r on r.id = c.reseller_id;

create index audit_event_action_idx on audit_event (action, at desc);
create index credit_entry_created_idx on credit_entry (created_at desc);
create index credit_entry_created_by_idx on credit_entry (created_by, created_at desc);
