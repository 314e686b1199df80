-- Invariants PostgreSQL enforces on its own, whatever the code does.

-- One live registration per person per session; ended ones (declined, cancelled) may repeat.
create unique index registration_one_live_per_person
    on registration (session_id, person_id)
    where status not in ('DECLINED', 'APPROVAL_DECLINED', 'CANCELLED');

-- A trainer is never in two overlapping sessions that still take place.
create extension if not exists btree_gist;

alter table training_session add constraint training_session_trainer_not_double_booked
    exclude using gist (trainer_id with =, tstzrange(starts_at, ends_at) with &&)
    where (trainer_id is not null and status <> 'CANCELLED');
