-- Reseller teams (issue 17): "salva cliente" ticked on an Operatore's checkout that goes for approval is kept on the
-- request, and the billing data enter the address book when a Titolare approves it (as a paid checkout does).
alter table order_request add column save_customer boolean not null default false;
