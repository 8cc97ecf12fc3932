-- V168's kept counts of "In scadenza" (expiring_count, folded by ExpiringRows.foldCounts) follow every insert, update
-- and delete of purchased_service through its statement triggers; a TRUNCATE fires none of them, so it would leave
-- counts of services that are gone. Emptying the services empties their counts.
create function expiring_count_emptied() returns trigger language plpgsql as $$
begin
    delete from expiring_count;
    return null;
end
$$;

create trigger expiring_count_truncated after truncate on purchased_service
    for each statement execute function expiring_count_emptied();
