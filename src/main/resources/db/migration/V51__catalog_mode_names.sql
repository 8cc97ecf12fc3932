-- Identification modes in English where they were Italian (FIRMA_DIGITALE, DE_VISU, NESSUNO); SPID, CIE and VIDEO
-- keep their names. Every table that keeps a mode follows: prices, cart lines, order lines, purchased services.
alter table product_price drop constraint product_price_mode_check;
update product_price set mode = case mode
    when 'FIRMA_DIGITALE' then 'DIGITAL_SIGNATURE' when 'DE_VISU' then 'IN_PERSON' when 'NESSUNO' then 'NONE' else mode end
    where mode in ('FIRMA_DIGITALE', 'DE_VISU', 'NESSUNO');
alter table product_price add constraint product_price_mode_check
    check (mode in ('SPID', 'CIE', 'DIGITAL_SIGNATURE', 'VIDEO', 'IN_PERSON', 'NONE'));
update cart_line set mode = case mode
    when 'FIRMA_DIGITALE' then 'DIGITAL_SIGNATURE' when 'DE_VISU' then 'IN_PERSON' when 'NESSUNO' then 'NONE' else mode end
    where mode in ('FIRMA_DIGITALE', 'DE_VISU', 'NESSUNO');
update order_line set mode = case mode
    when 'FIRMA_DIGITALE' then 'DIGITAL_SIGNATURE' when 'DE_VISU' then 'IN_PERSON' when 'NESSUNO' then 'NONE' else mode end
    where mode in ('FIRMA_DIGITALE', 'DE_VISU', 'NESSUNO');
update purchased_service set mode = case mode
    when 'FIRMA_DIGITALE' then 'DIGITAL_SIGNATURE' when 'DE_VISU' then 'IN_PERSON' when 'NESSUNO' then 'NONE' else mode end
    where mode in ('FIRMA_DIGITALE', 'DE_VISU', 'NESSUNO');
