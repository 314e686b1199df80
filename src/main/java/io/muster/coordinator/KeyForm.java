package io.muster.coordinator;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.muster.enrolmentkey.KeyRequest;

/** The new-key form as typed: kept as text, so a refused form shows exactly what was entered. */
public class KeyForm {

    private Long courseId;
    private List<Long> sessionIds = new ArrayList<>();
    private String maxUses = "";
    private String expiresAt = "";
    private final List<String> unreadable = new ArrayList<>();

    /** The API's request; {@link #unreadable()} names what could not be read into it. */
    KeyRequest toRequest(ZoneId zone) {
        unreadable.clear();
        return new KeyRequest(courseId, sessionIds, number(), instant(zone));
    }

    List<String> unreadable() {
        return unreadable;
    }

    private Integer number() {
        if (maxUses == null || maxUses.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(maxUses.strip());
        } catch (NumberFormatException e) {
            unreadable.add("maxUses");
            return null;
        }
    }

    /** A {@code datetime-local} value, in the coordinator's own zone. */
    private java.time.OffsetDateTime instant(ZoneId zone) {
        if (expiresAt == null || expiresAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(expiresAt.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            unreadable.add("expiresAt");
            return null;
        }
    }

    public Long getCourseId() {
        return courseId;
    }

    public void setCourseId(Long courseId) {
        this.courseId = courseId;
    }

    public List<Long> getSessionIds() {
        return sessionIds;
    }

    public void setSessionIds(List<Long> sessionIds) {
        this.sessionIds = sessionIds == null ? new ArrayList<>() : sessionIds;
    }

    public String getMaxUses() {
        return maxUses;
    }

    public void setMaxUses(String maxUses) {
        this.maxUses = maxUses;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }
}
