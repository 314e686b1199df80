package io.muster.coordinator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.web.FormValue;

/**
 * The list's filters as the form sends them, kept as typed for the form. A value that does not
 * read filters nothing and is named in {@code invalid}. Dates are whole days in the viewer's zone,
 * both ends included.
 */
public record SessionFilter(String q, String course, String status, String trainer, String from, String to) {

    SessionService.Criteria criteria(ZoneId zone, Set<String> invalid) {
        Long courseId = FormValue.read("course", course, Long::valueOf, invalid::add);
        SessionStatus wanted = FormValue.read("status", status, SessionStatus::valueOf, invalid::add);
        LocalDate first = FormValue.read("from", from, LocalDate::parse, invalid::add);
        LocalDate last = FormValue.read("to", to, LocalDate::parse, invalid::add);
        Instant after = first == null ? null : first.atStartOfDay(zone).toInstant();
        Instant before = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        return new SessionService.Criteria(trainer == null || trainer.isBlank() ? null : trainer.strip(), courseId,
                wanted, q, after, before);
    }
}
