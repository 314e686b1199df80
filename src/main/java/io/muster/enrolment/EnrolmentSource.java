package io.muster.enrolment;

import java.util.regex.Pattern;

/**
 * Who wants an enrolment: MANUAL (an admin), AUTO (the auto-enrol cycle), KEY (an enrolment key)
 * or SEGMENT:&lt;id&gt; (a segment the course is linked to). An enrolment holds a set of them and
 * ends only when the last one goes.
 */
public record EnrolmentSource(String value) {

    public enum Kind {
        MANUAL("Manual"), SEGMENT("Smart"), AUTO("Automatic"), KEY("Enrolment key");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern VALID = Pattern.compile("MANUAL|AUTO|KEY|SEGMENT:[0-9]+");

    public static final EnrolmentSource MANUAL = new EnrolmentSource("MANUAL");
    public static final EnrolmentSource AUTO = new EnrolmentSource("AUTO");
    public static final EnrolmentSource KEY = new EnrolmentSource("KEY");

    public EnrolmentSource {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an enrolment source: " + value);
        }
    }

    public static EnrolmentSource segment(long segmentId) {
        return new EnrolmentSource("SEGMENT:" + segmentId);
    }

    /** The segment of a SEGMENT source. */
    public long segmentId() {
        if (kind() != Kind.SEGMENT) {
            throw new IllegalStateException("Not a segment source: " + value);
        }
        return Long.parseLong(value.substring(value.indexOf(':') + 1));
    }

    public Kind kind() {
        int colon = value.indexOf(':');
        return Kind.valueOf(colon < 0 ? value : value.substring(0, colon));
    }

    @Override
    public String toString() {
        return value;
    }
}
