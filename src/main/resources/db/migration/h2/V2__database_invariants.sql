-- Invariants H2 enforces on its own in the embedded default run mode.

-- One live registration per person per session: H2 has no partial index, so a generated column
-- that is null for ended registrations carries the unique constraint (nulls never collide).
alter table registration add column live_person_id bigint generated always as (
    case when status in ('DECLINED', 'APPROVAL_DECLINED', 'CANCELLED') then null else person_id end);

alter table registration add constraint registration_one_live_per_person
    unique (session_id, live_person_id);

-- H2 cannot express an exclusion constraint over time ranges: trainer overlaps are checked by
-- SessionService here, and by the database itself on PostgreSQL.
