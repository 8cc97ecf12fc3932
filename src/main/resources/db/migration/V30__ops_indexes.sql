-- The staff dashboard sums the paid orders of the last 30 days per day. Without this index it read every order
-- (25 ms at 100,000 orders, growing with them); with it, only the days shown, without touching the table.
create index purchase_order_paid_created_idx on purchase_order (created_at) include (total_amount)
    where status = 'PAID';
