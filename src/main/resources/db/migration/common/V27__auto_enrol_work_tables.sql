-- Working tables of one course's auto-enrol run, filled and emptied inside the run's transaction
-- (so no other transaction ever sees a row): the candidates are read once into
-- auto_enrol_candidate with the table's inputs, auto-enrol-eligibility is evaluated once per
-- distinct input and its answers written to auto_enrol_decision, and the enrolments are made
-- straight from the candidates joined to the answers that enrol. (PostgreSQL keeps them unlogged: V28.)
create table auto_enrol_candidate (
    batch_id          varchar(36) not null,
    person_id         bigint      not null,
    employment_type   varchar(20) not null,
    opted_out         boolean     not null,
    training          varchar(10) not null,
    required          boolean     not null,
    enrolment_status  varchar(20) not null
);

create index auto_enrol_candidate_batch_idx on auto_enrol_candidate (batch_id);

create table auto_enrol_decision (
    batch_id          varchar(36)  not null,
    employment_type   varchar(20)  not null,
    opted_out         boolean      not null,
    training          varchar(10)  not null,
    required          boolean      not null,
    enrolment_status  varchar(20)  not null,
    enrol             boolean      not null,
    reason            varchar(200) not null,
    primary key (batch_id, employment_type, opted_out, training, required, enrolment_status)
);
