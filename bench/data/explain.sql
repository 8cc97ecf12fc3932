-- The hot queries of the customer area and the admin pages, as the shop runs them, for one busy reseller
-- (:reseller). run.sh runs this at 1/10 of the orders and at all of them and keeps both plans.
\pset pager off
\echo '== customer area: services page (newest first, 20 per page) and its count'
explain (analyze, costs off, timing on, summary on)
select * from purchased_service where reseller_id = :reseller order by purchased_at desc, id desc limit 20;
explain (analyze, costs off, summary on)
select count(*) from purchased_service where reseller_id = :reseller;
\echo '== customer area: orders page'
explain (analyze, costs off, summary on)
select o.number, o.created_at, o.total_amount, o.status,
       (select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id) as items
from purchase_order o where o.reseller_id = :reseller order by o.created_at desc, o.id desc limit 20 offset 0;
explain (analyze, costs off, summary on)
select count(*) from purchase_order where reseller_id = :reseller;
\echo '== customer area: credit ledger page'
explain (analyze, costs off, summary on)
select * from credit_entry where reseller_id = :reseller order by id desc limit 20 offset 0;
explain (analyze, costs off, summary on)
select count(*) from credit_entry where reseller_id = :reseller;
\echo '== tier status: top-ups in the last 12 months'
explain (analyze, costs off, summary on)
select coalesce(sum(amount) filter (where created_at >= now() - interval '365 days'), 0), max(created_at)
from credit_entry where reseller_id = :reseller and kind = 'TOPUP';
\echo '== admin dashboard: 30 days of sales'
explain (analyze, costs off, summary on)
select (created_at at time zone 'Europe/Rome')::date as day, count(*), sum(total_amount)
from purchase_order
where status = 'PAID' and created_at >= (cast(current_date - 30 as date)::timestamp at time zone 'Europe/Rome')
group by day order by day;
\echo '== admin services: newest first and the count'
explain (analyze, costs off, summary on)
select * from purchased_service order by id desc limit 20;
explain (analyze, costs off, summary on)
select count(*) from purchased_service;
\echo '== checkout: the idempotency lookup'
explain (analyze, costs off, summary on)
select * from purchase_order where reseller_id = :reseller and checkout_token = 'none';
\echo '== payment and order page: the invoice of an order'
explain (analyze, costs off, summary on)
select * from invoice_document where kind = 'INVOICE' and order_number = 'none';
\echo '== every page of a reseller: the main menu (first 9 products on sale of each family)'
explain (analyze, costs off, summary on)
select f.code, p.code from product_family f
cross join lateral (select code, sort_order from product where family_id = f.id and active
                    order by sort_order, code limit 9) p
order by f.sort_order, f.id, p.sort_order, p.code;
