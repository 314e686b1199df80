-- Portal settings admins change at runtime. A null value means "as configured": the environment's
-- default (MUSTER_MULTIPLE_SESSION_ENROLMENT for the multiple-session switch) applies.
create table portal_setting (
    id                          integer primary key,
    multiple_session_enrolment  boolean,
    constraint portal_setting_single_row check (id = 1)
);

insert into portal_setting (id, multiple_session_enrolment) values (1, null);
