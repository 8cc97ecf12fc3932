-- The catalog's version (issue 22): what the shop caches of the catalog (the rows a catalog page lists at list
-- price, the main menu) is kept under the version it was read at, and a page reads the version first, so a change
-- shows on every instance at the next page. Any statement that changes a product, a family or a price gives the
-- version a new value, in its own transaction (readers see it when they see the change). The value comes from a
-- sequence, so it is never given twice, not even after the table is emptied: no cache can take old rows for new.
create sequence catalog_version_seq;

create table catalog_version (
    id      int    not null primary key check (id = 1),
    version bigint not null
);
insert into catalog_version (id, version) values (1, nextval('catalog_version_seq'));

create function catalog_version_bump() returns trigger language plpgsql as $$
begin
    insert into catalog_version (id, version) values (1, nextval('catalog_version_seq'))
    on conflict (id) do update set version = excluded.version;
    return null;
end;
$$;

create trigger product_catalog_version after insert or update or delete or truncate on product
    for each statement execute function catalog_version_bump();
create trigger product_family_catalog_version after insert or update or delete or truncate on product_family
    for each statement execute function catalog_version_bump();
create trigger product_price_catalog_version after insert or update or delete or truncate on product_price
    for each statement execute function catalog_version_bump();
