-- Reseller teams (issue 17): the user who placed an order (null for orders from before teams and for
-- those the shop places by itself, such as automatic renewals). An Operatore's monthly spending limit
-- sums that user's paid orders of the calendar month (Europe/Rome), through the index below.
alter table purchase_order add column placed_by_user_id bigint references user_account (id);
create index purchase_order_placed_by_idx on purchase_order (placed_by_user_id, created_at)
    where placed_by_user_id is not null;
