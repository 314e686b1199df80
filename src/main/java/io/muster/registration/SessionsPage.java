package io.muster.registration;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.muster.registration.RosterService.LiveRegistration;
import io.muster.security.CurrentUser;
import io.muster.session.UpcomingSessions.Upcoming;
import io.muster.web.FormValue;
import io.muster.web.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The learner's home: the sessions they may see (the calendar the API gives), soonest first and
 * grouped by week, or a month at a glance, with filters. A page holds {@value #PAGE_SIZE} sessions.
 */
@Controller
class SessionsPage {

    static final int PAGE_SIZE = 25;

    private final MyCalendar calendar;
    private final PageContext page;

    SessionsPage(MyCalendar calendar, PageContext page) {
        this.calendar = calendar;
        this.page = page;
    }

    /**
     * The filters as the form sends them, as typed: an empty field filters nothing, and a value
     * that does not parse is named in {@link Criteria#invalid()} and filters nothing either.
     */
    public record Filter(String course, String type, String location, String from, String to, String view,
            String month, String offset) {

        public boolean monthView() {
            return "month".equals(view);
        }

        /** Each value read once. */
        Criteria read() {
            Set<String> invalid = new TreeSet<>();
            Long courseId = FormValue.read("course", course, Long::valueOf, invalid::add);
            LocalDate fromDate = FormValue.read("from", from, LocalDate::parse, invalid::add);
            LocalDate toDate = FormValue.read("to", to, LocalDate::parse, invalid::add);
            YearMonth yearMonth = FormValue.read("month", month, YearMonth::parse, invalid::add);
            Integer start = FormValue.read("offset", offset, Integer::valueOf, invalid::add);
            return new Criteria(courseId, blankAsNull(type), blankAsNull(location), fromDate, toDate, yearMonth,
                    start == null || start < 0 ? 0 : start, invalid);
        }

        private static String blankAsNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** The filter's values as read, with the names of those that could not be. */
    public record Criteria(Long courseId, String type, String location, LocalDate from, LocalDate to, YearMonth month,
            int start, Set<String> invalid) {

        /** Dates are whole days in the viewer's zone, both ends included. */
        Predicate<Upcoming> test(ZoneId zone) {
            Instant after = from == null ? null : from.atStartOfDay(zone).toInstant();
            Instant before = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
            return s -> (courseId == null || courseId == s.courseId())
                    && (type == null || type.equals(s.type()))
                    && (location == null || location.equals(s.location()))
                    && (after == null || !s.startsAt().isBefore(after))
                    && (before == null || s.startsAt().isBefore(before));
        }
    }

    public record Entry(Upcoming session, LiveRegistration mine) {
    }

    public record Week(LocalDate monday, List<Entry> entries) {
    }

    public record Day(LocalDate date, boolean inMonth, List<Entry> entries) {
    }

    public record Option(String value, String label) {
    }

    @GetMapping("/sessions")
    String sessions(@ModelAttribute("filter") Filter filter, Model model) {
        Criteria criteria = filter.read();
        model.addAttribute("invalid", criteria.invalid());
        ZoneId zone = page.zone();
        MyCalendar.Visible visible = calendar.of(CurrentUser.username());
        Predicate<Upcoming> wanted = criteria.test(zone);
        List<Entry> matching = visible.sessions().stream().filter(wanted)
                .map(s -> new Entry(s, visible.mineOf(s))).toList();
        model.addAttribute("courses", courses(visible.sessions()));
        model.addAttribute("locations", locations(visible.sessions()));
        model.addAttribute("total", matching.size());
        if (filter.monthView()) {
            YearMonth month = criteria.month() != null ? criteria.month() : YearMonth.from(page.today());
            model.addAttribute("month", month);
            model.addAttribute("days", month(matching, month, zone));
        } else {
            int start = Math.min(criteria.start(), Math.max(0, matching.size() - 1));
            List<Entry> shown = matching.stream().skip(start).limit(PAGE_SIZE).toList();
            model.addAttribute("weeks", weeks(shown, zone));
            model.addAttribute("offset", start);
            model.addAttribute("shown", shown.size());
            model.addAttribute("previous", start > 0 ? Math.max(0, start - PAGE_SIZE) : null);
            model.addAttribute("next", start + PAGE_SIZE < matching.size() ? start + PAGE_SIZE : null);
        }
        return "registration/sessions";
    }

    private static List<Week> weeks(List<Entry> entries, ZoneId zone) {
        Map<LocalDate, List<Entry>> byWeek = new LinkedHashMap<>();
        for (Entry e : entries) {
            LocalDate monday = e.session().startsAt().atZone(zone).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            byWeek.computeIfAbsent(monday, k -> new ArrayList<>()).add(e);
        }
        return byWeek.entrySet().stream().map(w -> new Week(w.getKey(), w.getValue())).toList();
    }

    /** The month's days from its first Monday-started week to its last, each with its sessions. */
    private static List<List<Day>> month(List<Entry> entries, YearMonth month, ZoneId zone) {
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (Entry e : entries) {
            byDay.computeIfAbsent(e.session().startsAt().atZone(zone).toLocalDate(), k -> new ArrayList<>()).add(e);
        }
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate day = monday.plusDays(i);
                week.add(new Day(day, YearMonth.from(day).equals(month), byDay.getOrDefault(day, List.of())));
            }
            weeks.add(week);
        }
        return weeks;
    }

    private static List<Option> courses(List<Upcoming> sessions) {
        Map<Long, String> courses = new LinkedHashMap<>();
        sessions.forEach(s -> courses.putIfAbsent(s.courseId(), s.courseTitle()));
        return courses.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(c -> new Option(Long.toString(c.getKey()), c.getValue())).toList();
    }

    private static List<String> locations(List<Upcoming> sessions) {
        Set<String> distinct = new HashSet<>();
        sessions.forEach(s -> {
            if (s.location() != null) {
                distinct.add(s.location());
            }
        });
        return distinct.stream().sorted().toList();
    }

}
