-- When the account's owner last chose its password: through a single-use link, or when the account was opened with
-- a password. Null while the account waits for its first password (the first staff account, a new reseller), so
-- that only such an account gets a new link at start when its last one lapsed, and not one whose owner merely let a
-- "Password dimenticata?" link expire.
alter table user_account add column password_chosen_at timestamptz;

-- Accounts opened with a password never had a link.
update user_account u set password_chosen_at = u.created_at
where not exists (select 1 from password_token t where t.user_id = u.id);

-- A link was used to choose the password when it was used other than at the moment a newer link replaced it
-- (issuing a link marks the older unused ones used at the new one's created_at).
update user_account u set password_chosen_at = chosen.at
from (select t.user_id, max(t.used_at) as at
      from password_token t
      where t.used_at is not null
        and not exists (select 1 from password_token n
                        where n.user_id = t.user_id and n.id > t.id and n.created_at = t.used_at)
      group by t.user_id) chosen
where chosen.user_id = u.id;
