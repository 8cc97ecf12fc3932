-- Cancelling a paid order: who, when and why; a cancelled order always says so.
alter table purchase_order
    add column cancelled_at  timestamptz,
    add column cancel_reason varchar(300),
    add column cancelled_by  varchar(254),
    add constraint purchase_order_cancelled_ck
        check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null));
