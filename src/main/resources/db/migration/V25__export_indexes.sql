-- Staff export orders by date range across all resellers.
create index purchase_order_created_idx on purchase_order (created_at);
