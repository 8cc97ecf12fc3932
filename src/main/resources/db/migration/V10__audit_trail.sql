-- Who did what, when, to what: staff actions, credit movements, handoffs.
create table audit_event (
    id         bigserial primary key,
    at         timestamptz  not null default now(),
    actor      varchar(254) not null,
    action     varchar(60)  not null,
    target     varchar(200),
    detail     varchar(2000),
    user_agent varchar(500),
    ip         varchar(64)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_actor_idx on audit_event (actor, at desc);

create function audit_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are immutable (event %)', old.id;
end
$$;
create trigger audit_event_immutable before update or delete on audit_event
    for each row execute function audit_event_immutable();
