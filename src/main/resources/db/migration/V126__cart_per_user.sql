-- Reseller teams (issue 17): each user of a team has its own cart. A cart belongs to one
-- user (and still names the reseller whose prices and credit it uses); the carts that
-- existed belong to the account's Titolare, the first login of the reseller.
alter table cart add column user_id bigint references user_account (id);
update cart c
   set user_id = (select min(u.id) from user_account u
                   where u.reseller_id = c.reseller_id and u.team_role = 'OWNER');
delete from cart where user_id is null;
alter table cart alter column user_id set not null;
alter table cart drop constraint cart_reseller_id_key;
alter table cart add constraint cart_user_uk unique (user_id);
create index cart_reseller_idx on cart (reseller_id);
