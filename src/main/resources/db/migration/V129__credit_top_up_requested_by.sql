-- Reseller teams (issue 17): the user of the reseller's team who asked for a top-up (a Titolare), shown
-- on the credit pages, and whom its e-mails go to. created_by keeps the address it was made with; the
-- top-ups from before this column get the user who had that address in the reseller's team, if any.
alter table top_up add column created_by_user_id bigint references user_account (id);
update top_up t set created_by_user_id = u.id
from user_account u
where u.reseller_id = t.reseller_id and lower(u.email) = lower(t.created_by);
