-- Ids of the events the process bridge has acted on, so that a re-delivered event does nothing twice.
create table process_bridge_handled_event (
    event_id   varchar(255) primary key,
    handled_at timestamp with time zone not null default now()
);
