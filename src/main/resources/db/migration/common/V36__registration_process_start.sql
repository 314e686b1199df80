-- A booking takes its seat in the request; its registration process starts just after, from
-- this queue, in batches. A row lives from the booking's commit until its process has started.
create table registration_process_start (
    registration_id bigint       not null primary key references registration (id) on delete cascade,
    actor           varchar(64)  not null,
    queued_at       timestamp with time zone not null
);
