-- Adds past orders numbered :from..:to (H-00000001..) to the bench resellers (a tenth to r1, the rest spread
-- evenly): each with one or two lines, one
-- purchased service per line, and its PURCHASE ledger entry. Afterwards every balance equals the sum of its entries
-- again (and stays far above zero). Usage: psql -v from=1 -v to=100000 -f orders.sql rivendo_bench
\set ON_ERROR_STOP on
begin;

create temporary table bench_reseller as
select id, row_number() over (order by id) as n
from reseller where company_name like 'Rivenditore Bench %';
create temporary table bench_price as
select pp.product_id, p.code, p.name_it, p.name_en, pp.mode, pp.list_price,
       row_number() over (order by pp.product_id, pp.mode) as n
from product_price pp join product p on p.id = pp.product_id
where p.code like 'BENCH-%';

-- the order's lines: k = 1 always, k = 2 for every third order
create temporary table bench_line as
select o.n as order_n, k,
       -- one order in ten goes to r1, the busy reseller of the customer-area measurements; the rest round robin
       case when o.n % 10 = 0 then 1 else 1 + o.n % (select count(*) from bench_reseller) end as reseller_n,
       1 + ((o.n * 7919 + k * 104729) % (select count(*) from bench_price)) as price_n,
       1 + (o.n * k) % 3 as quantity
from generate_series(:from, :to) o(n)
cross join generate_series(1, 2) k
where k = 1 or o.n % 3 = 0;

create temporary table bench_order as
select l.order_n, r.id as reseller_id, sum(p.list_price * l.quantity) as taxable
from bench_line l join bench_price p on p.n = l.price_n join bench_reseller r on r.n = l.reseller_n
group by l.order_n, r.id;
alter table bench_order add column vat numeric(12, 2), add column created_at timestamptz;
update bench_order
   set vat = round(taxable * 0.22, 2),
       created_at = now() - make_interval(secs => 5 + ((order_n * 2654435761) % (365 * 86400)));

insert into purchase_order (number, reseller_id, checkout_token, status, taxable_amount, vat_amount, total_amount,
                            customer_type, company_name, vat_number, tax_code, street, postal_code, city, province,
                            country, sdi_code, created_at)
select 'H-' || lpad(order_n::text, 8, '0'), reseller_id, 'bench-' || order_n, 'PAID', taxable, vat, taxable + vat,
       'COMPANY', 'Cliente Finale ' || order_n || ' S.r.l.', '01114601006', '01114601006', 'Via del Corso 12',
       '00186', 'Roma', 'RM', 'IT', 'M5UXCR1', created_at
from bench_order;

insert into order_line (order_id, line_no, product_id, product_code, product_name, product_name_en, mode, quantity,
                        unit_list_price, discount_percent, unit_net_price, vat_rate, line_net)
select po.id, l.k, p.product_id, p.code, p.name_it, p.name_en, p.mode, l.quantity, p.list_price, 0, p.list_price,
       22.00, p.list_price * l.quantity
from bench_line l
join bench_price p on p.n = l.price_n
join purchase_order po on po.number = 'H-' || lpad(l.order_n::text, 8, '0');

insert into purchased_service (reseller_id, order_id, order_number, order_line_id, product_id, product_code,
                               product_name, product_name_en, mode, price_paid, status, customer_email, customer_name,
                               purchased_at, activation_deadline, associated_at, activated_at)
select po.reseller_id, po.id, po.number, ol.id, ol.product_id, ol.product_code, ol.product_name, ol.product_name_en,
       ol.mode, ol.unit_net_price,
       case when po.created_at < now() - interval '120 days' then 'ACTIVE' when po.id % 2 = 0 then 'ASSOCIATED'
            else 'NOT_ASSOCIATED' end,
       case when po.created_at < now() - interval '120 days' or po.id % 2 = 0 then 'cliente' || po.id || '@example.com' end,
       case when po.created_at < now() - interval '120 days' or po.id % 2 = 0 then 'Cliente ' || po.id end,
       po.created_at, po.created_at + interval '120 days',
       case when po.created_at < now() - interval '120 days' or po.id % 2 = 0 then po.created_at end,
       case when po.created_at < now() - interval '120 days' then po.created_at + interval '2 days' end
from purchase_order po
join order_line ol on ol.order_id = po.id
where po.number between 'H-' || lpad(:from::text, 8, '0') and 'H-' || lpad(:to::text, 8, '0');

-- the ledger: one PURCHASE entry per order, the running balance after each in time order
insert into credit_entry (reseller_id, kind, amount, balance_after, reference, description, created_by, created_at)
select po.reseller_id, 'PURCHASE', -po.total_amount,
       ca.balance - sum(po.total_amount) over (partition by po.reseller_id order by po.created_at, po.id),
       po.number, 'Ordine ' || po.number, 'bench', po.created_at
from purchase_order po join credit_account ca on ca.reseller_id = po.reseller_id
where po.number between 'H-' || lpad(:from::text, 8, '0') and 'H-' || lpad(:to::text, 8, '0')
order by po.created_at, po.id;

-- each order's invoice, numbered per year after those already issued, and the counters moved past them, so that the
-- invoices of the orders paid during the run follow on without a clash
insert into invoice_document (kind, year, seq, number, reseller_id, order_id, order_number, issue_date, issued_at,
                              customer_type, company_name, vat_number, tax_code, street, postal_code, city, province,
                              country, sdi_code, taxable_amount, vat_amount, total_amount)
select 'INVOICE', h.y, h.s, h.y || '/' || lpad(h.s::text, 6, '0'), h.reseller_id, h.id, h.number,
       (h.created_at at time zone 'Europe/Rome')::date, h.created_at, h.customer_type, h.company_name, h.vat_number,
       h.tax_code, h.street, h.postal_code, h.city, h.province, h.country, h.sdi_code, h.taxable_amount, h.vat_amount,
       h.total_amount
from (select po.*, y.y, coalesce(issued.top, 0) + row_number() over (partition by y.y order by po.created_at, po.id) as s
      from purchase_order po
      cross join lateral (select extract(year from po.created_at at time zone 'Europe/Rome')::int as y) y
      left join (select year, max(seq) as top from invoice_document where kind = 'INVOICE' group by year) issued
             on issued.year = y.y
      where po.number between 'H-' || lpad(:from::text, 8, '0') and 'H-' || lpad(:to::text, 8, '0')) h;

insert into invoice_line (document_id, line_no, product_code, description, description_en, quantity, unit_price,
                          vat_rate, line_net)
select d.id, ol.line_no, ol.product_code, ol.product_name || ' - ' || ol.mode, ol.product_name_en || ' - ' || ol.mode,
       ol.quantity, ol.unit_net_price, ol.vat_rate, ol.line_net
from invoice_document d join order_line ol on ol.order_id = d.order_id
where d.kind = 'INVOICE'
  and d.order_number between 'H-' || lpad(:from::text, 8, '0') and 'H-' || lpad(:to::text, 8, '0');

insert into invoice_counter (kind, year, last_number)
select 'INVOICE', year, max(seq) from invoice_document where kind = 'INVOICE' group by year
on conflict (kind, year) do update set last_number = excluded.last_number;

update credit_account ca
   set balance = s.total, updated_at = now()
from (select reseller_id, sum(amount) as total from credit_entry group by reseller_id) s
where s.reseller_id = ca.reseller_id and ca.reseller_id in (select id from bench_reseller);

commit;
vacuum analyze;
