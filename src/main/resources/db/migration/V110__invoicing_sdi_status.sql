-- Invoices and credit notes go to the Sistema di Interscambio (SdI) through an SdiChannel; each has a status, a row per
-- transmission (a new file name each time, never sent twice) and a history of what happened, with the receipts as
-- received. Receipts of top-ups are not sent to the SdI: they have no status.
alter table invoice_document
    add column sdi_status      varchar(20),
    -- transmissions made so far (the next one is attempt sdi_attempts + 1)
    add column sdi_attempts    int not null default 0 check (sdi_attempts >= 0),
    -- failed tries to hand the current file over, for the back-off
    add column sdi_failures    int not null default 0 check (sdi_failures >= 0),
    -- when the sender tries next; null: nothing to send
    add column sdi_due_at      timestamptz,
    add column sdi_rejected_at timestamptz;

-- Documents issued before the SdI channel existed were handed over as files: "da inviare", never queued.
update invoice_document set sdi_status = 'TO_SEND' where kind in ('INVOICE', 'CREDIT_NOTE');

alter table invoice_document
    add constraint invoice_document_sdi_status_ck check (sdi_status in
        ('TO_SEND', 'SENT', 'DELIVERED', 'REJECTED', 'NOT_DELIVERED', 'ACCEPTED', 'REFUSED', 'DEADLINE_PASSED')),
    add constraint invoice_document_sdi_kind_ck check ((kind = 'RECEIPT') = (sdi_status is null)),
    add constraint invoice_document_sdi_due_ck check (sdi_due_at is null or sdi_status = 'TO_SEND');

-- what the sender claims (FOR UPDATE SKIP LOCKED), oldest first
create index invoice_document_sdi_due_idx on invoice_document (sdi_due_at) where sdi_due_at is not null;
create index invoice_document_sdi_status_idx on invoice_document (sdi_status, issue_date);

-- File names are IT<seller's Partita IVA>_<5 characters>: the 5 characters come from this sequence (base 36), so a
-- resent document never reuses a name (the SdI refuses a name it has seen with 00404). It starts at 36^4 ("10000"):
-- the files staff download are named after the document id, below that.
create sequence sdi_file_seq start with 1679616 maxvalue 60466175;

create table sdi_transmission (
    id          bigserial primary key,
    document_id bigint      not null references invoice_document (id),
    attempt     int         not null check (attempt > 0),
    file_name   varchar(50) not null,
    -- the SdI's identifier of the file, as the channel answered
    sdi_id      varchar(50) not null,
    sent_at     timestamptz not null,
    constraint sdi_transmission_attempt_uk unique (document_id, attempt),
    constraint sdi_transmission_file_uk unique (file_name)
);

create table sdi_event (
    id              bigserial primary key,
    document_id     bigint       not null references invoice_document (id),
    transmission_id bigint references sdi_transmission (id),
    status          varchar(20)  not null check (status in
        ('TO_SEND', 'SENT', 'DELIVERED', 'REJECTED', 'NOT_DELIVERED', 'ACCEPTED', 'REFUSED', 'DEADLINE_PASSED')),
    happened_at     timestamptz  not null,
    -- a receipt (RC, NS, MC, NE, DT) as received, processed once: its id is unique
    receipt_id      varchar(100),
    receipt_type    varchar(2) check (receipt_type in ('RC', 'NS', 'MC', 'NE', 'DT')),
    error_codes     varchar(200),
    receipt_xml     text,
    note            varchar(300),
    constraint sdi_event_receipt_uk unique (receipt_id),
    constraint sdi_event_receipt_ck check ((receipt_id is null) = (receipt_type is null))
);
create index sdi_event_document_idx on sdi_event (document_id, id);
