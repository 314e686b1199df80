-- A run now reads the candidates of all its courses in one pass when it is planned, and each
-- course's step consumes its own rows later, in a transaction of its own: the work rows carry
-- their course and outlive the planning transaction (until their course's step or the report).
alter table auto_enrol_candidate add column course_id bigint not null;
drop index auto_enrol_candidate_batch_idx;
create index auto_enrol_candidate_batch_course_idx on auto_enrol_candidate (batch_id, course_id);
