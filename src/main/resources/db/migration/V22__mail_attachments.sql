-- Files attached to an outbox e-mail (e.g. the invoice PDF), written in the same transaction as the e-mail.
create table mail_attachment (
    id           bigserial primary key,
    message_id   bigint       not null references mail_outbox (id) on delete cascade,
    position     int          not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    constraint mail_attachment_position_uk unique (message_id, position)
);
