-- The accounts' version (issue 22): every signed-in request checks that its user may still use the shop (enabled,
-- active in its team, with the role its session was given, its reseller enabled). An instance remembers a user found
-- in order under the version it read before looking, and looks again only once the version moved. Any change to
-- what that check reads renews the version in the changing transaction, whoever makes it, so disabling a user ends
-- its access on every instance at its next request. A sign-in (its time, its password) is not such a change.
create sequence account_version_seq;

create table account_version (
    id      int    not null primary key check (id = 1),
    version bigint not null
);
insert into account_version (id, version) values (1, nextval('account_version_seq'));

create function account_version_bump() returns trigger language plpgsql as $$
begin
    insert into account_version (id, version) values (1, nextval('account_version_seq'))
    on conflict (id) do update set version = excluded.version;
    return null;
end;
$$;

create trigger user_account_account_version after update on user_account
    for each row
    when (old.email is distinct from new.email or old.enabled is distinct from new.enabled
          or old.team_status is distinct from new.team_status or old.team_role is distinct from new.team_role
          or old.reseller_id is distinct from new.reseller_id)
    execute function account_version_bump();
create trigger user_account_account_version_insert_delete after insert or delete or truncate on user_account
    for each statement execute function account_version_bump();
create trigger reseller_account_version after update on reseller
    for each row when (old.enabled is distinct from new.enabled)
    execute function account_version_bump();
create trigger reseller_account_version_delete after delete or truncate on reseller
    for each statement execute function account_version_bump();
