-- The PEC address the end customer chooses when the service bought is a PEC mailbox (the activation e-mail promises
-- it: "riceverà il link per scegliere l'indirizzo PEC"); empty for every other product.
alter table purchased_service
    add column customer_pec_address varchar(254);
