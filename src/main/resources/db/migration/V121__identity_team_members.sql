-- Reseller teams (issue 17): the users of a reseller's team. A user the Titolare disabled or
-- removed cannot sign in; a removed one stays (its name is in orders and the audit), hidden
-- from the team page. The monthly limit is an Operatore's (null: no limit); sees_all_services
-- says whether an Operatore sees the whole team's services or only those it bought.
alter table user_account
    add column team_status       varchar(10)   not null default 'ACTIVE'
        constraint user_account_team_status_ck check (team_status in ('ACTIVE', 'DISABLED', 'REMOVED')),
    add column monthly_limit     numeric(12, 2)
        constraint user_account_monthly_limit_ck check (monthly_limit is null or monthly_limit >= 0),
    add column sees_all_services boolean       not null default true,
    add column last_login_at     timestamptz,
    add column removed_at        timestamptz;
