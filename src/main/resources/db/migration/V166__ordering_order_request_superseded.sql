-- Reseller teams (issue 17): a bulk order waiting for approval whose upload is confirmed directly meanwhile (by a
-- Titolare, or by the Operatore once the threshold allows it) no longer waits: it is SUPERSEDED, nothing issued by it.
alter table order_request drop constraint order_request_status_ck;
alter table order_request
    add constraint order_request_status_ck check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'SUPERSEDED'));
