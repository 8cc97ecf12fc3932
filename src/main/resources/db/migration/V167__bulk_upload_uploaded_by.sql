-- Reseller teams (issue 17): the user of the team who uploaded a bulk order file, so that an Operatore the Titolare
-- lets see only its own services sees only its own uploads. Null for uploads made before.
alter table bulk_upload add column uploaded_by_user_id bigint references user_account (id);
