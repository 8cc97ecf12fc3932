-- "Password dimenticata?": what was asked, one row per request, whatever the address. A
-- job turns each into a link by e-mail (when the address is an account's) and deletes it,
-- so the page answers in the same time whether or not the address exists.
create table password_reset_request (
    id           bigserial primary key,
    email        varchar(254) not null,
    locale       varchar(8)   not null,
    requested_at timestamptz  not null
);
