-- Scales the demo data up for benchmarks: :products products (BENCH-0001.., every one sold with SPID and 1-3 more
-- identification modes) and :resellers resellers (r1..rN@bench.rivendo.it) with logins, tiers and a large opening
-- top-up. Run on a database the shop has created with the demo profile (tiers, families and staff exist).
-- The password of every bench login is the demo one: its bcrypt hash is copied from the demo account, so no
-- password is hashed here. Usage: psql -v products=500 -v resellers=1000 -f base.sql rivendo_bench
\set ON_ERROR_STOP on
begin;

insert into product (code, family_id, name_it, name_en, description_it, description_en, instructions_it,
                     instructions_en, vat_rate, sort_order)
select 'BENCH-' || lpad(n::text, 4, '0'),
       (select id from product_family order by id offset (n % (select count(*) from product_family)) limit 1),
       'Servizio di prova ' || n, 'Bench service ' || n,
       'Prodotto generato per i benchmark n. ' || n, 'Product generated for benchmarks no. ' || n,
       'Associa il servizio al cliente dall''Area Clienti.', 'Link the service to your customer in the customer area.',
       22.00, 100 + n
from generate_series(1, :products) n;

insert into product_price (product_id, mode, list_price)
select p.id, m.mode, (10 + (p.id * 7 + m.ord * 13) % 190)::numeric(12, 2)
from product p
cross join (values ('SPID', 0), ('CIE', 1), ('VIDEO', 2), ('IN_PERSON', 3)) as m(mode, ord)
where p.code like 'BENCH-%' and (m.ord = 0 or (p.id + m.ord) % 3 <> 0);

insert into reseller (company_name, vat_number, tax_code, street, postal_code, city, province, sdi_code, phone)
select 'Rivenditore Bench ' || n || ' S.r.l.', '00743110157', '00743110157', 'Via dei Test ' || n, '20121', 'Milano',
       'MI', 'M5UXCR1', '+39 02 0000000'
from generate_series(1, :resellers) n;

-- r<n> is the n-th bench reseller
create temporary table bench_reseller as
select id, row_number() over (order by id) as n
from reseller where company_name like 'Rivenditore Bench %';

-- each its account's Titolare (team roles, V120: every reseller login has one)
insert into user_account (email, password_hash, display_name, role, team_role, reseller_id)
select 'r' || b.n || '@bench.rivendo.it',
       (select password_hash from user_account where email = 'staff@demo.rivendo.it'),
       'Referente ' || b.n, 'RESELLER', 'OWNER', b.id
from bench_reseller b;

insert into reseller_tier (reseller_id, tier_id, pinned, reason, pinned_by)
select b.id, (select id from discount_tier order by sort_order offset (b.n % 4) limit 1), true, 'bench', 'bench'
from bench_reseller b;

insert into credit_account (reseller_id, balance)
select id, 50000000.00 from bench_reseller;

insert into credit_entry (reseller_id, kind, amount, balance_after, reference, description, created_by, created_at)
select id, 'TOPUP', 50000000.00, 50000000.00, 'BENCH', 'Ricarica iniziale (benchmark)', 'bench', now() - interval '400 days'
from bench_reseller;

commit;
