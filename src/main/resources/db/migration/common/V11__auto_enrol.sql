-- Auto-enrolment (seed 003): per-course settings, the global "missing training" switch, the
-- courses job roles require, and what each cycle run decided (its report).
create table course_auto_enrol (
    course_id               bigint  primary key references course (id) on delete cascade,
    enabled                 boolean not null,
    lead_days               integer not null,
    include_subcontractors  boolean not null,
    include_optional        boolean not null,
    constraint course_auto_enrol_lead_days_check check (lead_days between 1 and 365)
);

create table auto_enrol_setting (
    id                integer primary key,
    missing_training  boolean not null,
    constraint auto_enrol_setting_single_row check (id = 1)
);

insert into auto_enrol_setting (id, missing_training) values (1, false);

create table job_role_requirement (
    job_role   varchar(100) not null,
    course_id  bigint       not null references course (id) on delete cascade,
    primary key (job_role, course_id)
);

create index job_role_requirement_course_idx on job_role_requirement (course_id);
create index person_job_role_idx on person (job_role);
-- the cycle reads a course's records by expiry
create index training_record_course_expires_idx on training_record (course_id, expires_at);

-- One row per run, course and reason; written in the transaction that enrols the course, so a
-- retried course replaces its own rows and the report never counts twice.
create table auto_enrol_run_count (
    run_id     varchar(64)  not null,
    course_id  bigint       not null,
    reason     varchar(200) not null,
    enrol      boolean      not null,
    people     integer      not null,
    primary key (run_id, course_id, reason)
);

-- completing a course online (an enrolment reaching 100 %) is a training record too
alter table training_record drop constraint training_record_source_check;
alter table training_record add constraint training_record_source_check
    check (source in ('ATTENDANCE', 'IMPORTED', 'ENROLMENT'));
