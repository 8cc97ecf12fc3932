-- Reseller teams (issue 17): whether a Titolare receives a copy of the e-mails about what the
-- other users of its team did (purchases, activation follow-up, renewal reminders, top-ups).
-- Each Titolare chooses for itself on the Utenti page; on by default, as before the setting.
alter table user_account add column team_copies boolean not null default true;
