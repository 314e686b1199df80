package io.muster.segment;

import io.muster.process.Variable;

/** Everything the code knows about bpmn/smart-enrolment.bpmn: its key, element ids, messages, variables. */
final class SmartEnrolmentProcess {

    static final String KEY = "smart-enrolment";

    static final String START_PERSON_SEGMENTS_CHANGED = "start_person_segments_changed";
    static final String SERVICE_ENROL_PERSON = "service_enrol_person";
    static final String SERVICE_UNENROL_PERSON = "service_unenrol_person";
    static final String END_PERSON_IN_LINE = "end_person_in_line";
    static final String START_COURSE_LINKED = "start_course_linked";
    static final String SERVICE_ENROL_MEMBERS = "service_enrol_members";
    static final String END_MEMBERS_ENROLLED = "end_members_enrolled";
    static final String START_COURSE_UNLINKED = "start_course_unlinked";
    static final String SERVICE_UNENROL_UNLINKED = "service_unenrol_unlinked";
    static final String END_LINK_UNDONE = "end_link_undone";
    static final String START_SEGMENT_RULE_CHANGED = "start_segment_rule_changed";
    static final String SERVICE_ALIGN_PEOPLE = "service_align_people";
    static final String END_SEGMENT_IN_LINE = "end_segment_in_line";

    /** A person joined or left segments: their smart enrolments catch up. Business key {@code person-<id>}. */
    static final String MESSAGE_PERSON_SEGMENTS_CHANGED = "smart-enrolment-person-segments-changed";
    /** A course was linked to a segment: its members are enrolled. Business key {@code segment-<id>-course-<id>}. */
    static final String MESSAGE_COURSE_LINKED = "smart-enrolment-course-linked";
    /** A course was unlinked from a segment: whom it enrolled is unenrolled. Same business key as linking. */
    static final String MESSAGE_COURSE_UNLINKED = "smart-enrolment-course-unlinked";

    /**
     * A segment's rule changed: who joined is enrolled on its linked courses, who left loses them.
     * Business key {@code segment-<id>}.
     */
    static final String MESSAGE_SEGMENT_RULE_CHANGED = "smart-enrolment-segment-rule-changed";

    static final Variable<Long> PERSON_ID = Variable.of("personId", Long.class);
    static final Variable<Long> SEGMENT_ID = Variable.of("segmentId", Long.class);
    static final Variable<Long> COURSE_ID = Variable.of("courseId", Long.class);
    static final Variable<String> ACTOR = Variable.of("actor", String.class);
    /** The last person id a chunk handled; the next chunk starts after it. */
    static final Variable<Long> AFTER_PERSON_ID = Variable.of("afterPersonId", Long.class);
    /** Whether a chunk was full, so another may follow. */
    static final Variable<Boolean> MORE = Variable.of("more", Boolean.class);
    /** Running totals, for admins reading the instance in Cockpit. */
    static final Variable<Integer> ENROLLED = Variable.of("enrolled", Integer.class);
    static final Variable<Integer> UNENROLLED = Variable.of("unenrolled", Integer.class);

    static String personKey(long personId) {
        return "person-" + personId;
    }

    static String segmentKey(long segmentId) {
        return "segment-" + segmentId;
    }

    static String linkKey(long segmentId, long courseId) {
        return "segment-" + segmentId + "-course-" + courseId;
    }

    private SmartEnrolmentProcess() {
    }
}
