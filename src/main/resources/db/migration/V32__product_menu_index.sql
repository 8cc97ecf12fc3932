-- The main menu, on every page of a reseller, reads the first products on sale of each family in menu order
-- (catalog.internal.MenuRows): with this index, a few rows per family instead of every product on sale.
create index product_menu_idx on product (family_id, sort_order, code) where active;
