package io.muster.autoenrol;

/** The auto-enrol-cycle process: its key, element ids and variable names, in one place. */
final class AutoEnrolCycleProcess {

    static final String KEY = "auto-enrol-cycle";

    static final String START_TIMER_NIGHTLY = "start_timer_nightly";
    static final String START_BY_HAND = "start_by_hand";
    /** Starts a run by hand (a process has one timer start event or one none start event, not both). */
    static final String MESSAGE_RUN_REQUESTED = "auto-enrol-run-requested";
    static final String GATEWAY_STARTED = "gateway_started";
    static final String TASK_PLAN_RUN = "service_plan_run";
    static final String TASK_ENROL_COURSE = "service_enrol_course";
    static final String TASK_REPORT = "service_report";
    static final String END_REPORTED = "end_reported";

    /** Who started the run by hand; absent for the nightly timer. */
    static final String VAR_STARTED_BY = "startedBy";
    /** The instant the run counts from (Date). */
    static final String VAR_RUN_AT = "runAt";
    /** The courses with auto-enrol on, as comma-separated ids, and how many (the multi-instance runs one per course). */
    static final String VAR_COURSE_IDS = "courseIds";
    static final String VAR_COURSE_COUNT = "courseCount";
    static final String VAR_LOOP_COUNTER = "loopCounter";
    /** The report: totals (Long) and every count per course and reason (JSON). */
    static final String VAR_CONSIDERED = "considered";
    static final String VAR_ENROLLED = "enrolled";
    static final String VAR_REPORT = "report";

    private AutoEnrolCycleProcess() {
    }
}
