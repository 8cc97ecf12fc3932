-- The invoice (or credit note) of an order is looked up by the order's number: by the payment (is it issued yet?),
-- the purchase e-mail (its attachment) and the order pages. Without this index the lookup walked every document of
-- the kind through invoice_document_number_uk, so it grew with the number of invoices ever issued.
create index invoice_document_order_number_idx on invoice_document (order_number, kind);
