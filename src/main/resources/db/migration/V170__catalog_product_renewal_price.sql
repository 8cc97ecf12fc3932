-- The renewal price of a product (issue 16): what renewing one of its services costs, net of VAT and before the
-- reseller's discount, whatever the mode it was identified with (a renewal needs no new identification). Empty: a
-- renewal costs the purchase price of the service's mode, as before this column, so existing products keep their
-- renewal prices. Only a product with a term is renewed, so only one with a term has a renewal price. A change goes
-- through V160's trigger on product: the catalog's version moves and every instance prices renewals anew.
alter table product
    add column renewal_price numeric(12, 2) check (renewal_price >= 0),
    add constraint product_renewal_price_needs_term check (renewal_price is null or term_months is not null);
