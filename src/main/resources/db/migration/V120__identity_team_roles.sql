-- Reseller teams (issue 17): every reseller user has one team role, staff have none.
-- Every login that existed before teams is its account's Titolare (OWNER).
alter table user_account add column team_role varchar(20);
update user_account set team_role = 'OWNER' where role = 'RESELLER';
alter table user_account
    add constraint user_account_team_role_ck
        check ((role = 'RESELLER') = (team_role is not null)
               and (team_role is null or team_role in ('OWNER', 'OPERATOR', 'ACCOUNTANT')));
