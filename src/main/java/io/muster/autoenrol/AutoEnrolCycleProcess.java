package io.muster.autoenrol;

import java.util.Date;

import io.muster.process.Variable;

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
    static final Variable<String> STARTED_BY = Variable.of("startedBy", String.class);
    /** The instant the run counts from (Date). */
    static final Variable<Date> RUN_AT = Variable.of("runAt", Date.class);
    /** The courses with auto-enrol on, as comma-separated ids, and how many (the multi-instance runs one per course). */
    static final Variable<String> COURSE_IDS = Variable.of("courseIds", String.class);
    static final Variable<Integer> COURSE_COUNT = Variable.of("courseCount", Integer.class);
    static final Variable<Integer> LOOP_COUNTER = Variable.of("loopCounter", Integer.class);
    /** The report: totals (Long) and every count per course and reason (JSON). */
    static final Variable<Long> CONSIDERED = Variable.of("considered", Long.class);
    static final Variable<Long> ENROLLED = Variable.of("enrolled", Long.class);
    static final Variable<Object> REPORT = Variable.of("report", Object.class);

    private AutoEnrolCycleProcess() {
    }
}
