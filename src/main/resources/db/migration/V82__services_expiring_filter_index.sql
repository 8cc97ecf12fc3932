-- "In scadenza" offers a filter by family and by product: the distinct products among a reseller's services with a
-- date. With 100,000 such services that was a scan of all of them on every page (180 ms); with this index the page
-- walks the few distinct products one index probe each (ExpiringRows.families / products).
create index purchased_service_reseller_product_idx on purchased_service (reseller_id, product_id, id)
    where valid_until is not null;
