package io.muster.rulechange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.muster.autoenrol.AutoEnrolCandidates;
import io.muster.course.CourseService;
import io.muster.people.PeopleDirectory;
import io.muster.people.PersonForRules;
import io.muster.registration.EligibilityInputs;
import io.muster.rules.Decisions;
import io.muster.session.UpcomingSessions;
import io.muster.session.UpcomingSessions.Upcoming;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a proposed table would change for today's people, sessions and auto-enrol candidates:
 * the latest deployed table and the proposed one evaluated on the same inputs, built by the same
 * code the calendar, the booking and the auto-enrol cycle use, in memory and without history.
 * Each distinct input is evaluated once per table however many people and sessions share it.
 * Only people whose outcome changes are kept.
 */
@Service
class RulePreview {

    static final int MAX_LIMIT = 100;
    static final int MAX_PEOPLE = 1000;

    private final Decisions decisions;
    private final UpcomingSessions upcoming;
    private final PeopleDirectory people;
    private final EligibilityInputs eligibilityInputs;
    private final AutoEnrolCandidates autoEnrol;
    private final CourseService courses;
    private final RuleVersions versions;
    private final Clock clock;

    RulePreview(Decisions decisions, UpcomingSessions upcoming, PeopleDirectory people,
            EligibilityInputs eligibilityInputs, AutoEnrolCandidates autoEnrol, CourseService courses,
            RuleVersions versions, Clock clock) {
        this.decisions = decisions;
        this.upcoming = upcoming;
        this.people = people;
        this.eligibilityInputs = eligibilityInputs;
        this.autoEnrol = autoEnrol;
        this.courses = courses;
        this.versions = versions;
        this.clock = clock;
    }

    /** What the table says for one input: its outcome, why, and the DMN rule that said it. */
    record Answer(String outcome, String reason, String rule) {
    }

    /** People whose outcome moves the same way, with the same reasons and rules: how many, and the first of them. */
    record Move(String from, String to, String fromReason, String toReason, String fromRule, String toRule,
            int count, List<String> usernames) {
    }

    /** What changes for one upcoming session (visibility, eligibility) or one course (auto-enrol). */
    record Change(long id, String title, Instant startsAt, int people, List<Move> moves) {
    }

    /**
     * The differences, a page of sessions or courses at a time; pairs are the person-and-session
     * (or candidate-and-course) combinations looked at, distinctInputs the distinct inputs evaluated
     * (each by both tables; for eligibility also those of visibility, which decides who may book).
     */
    record Result(String decisionKey, int currentVersion, String subject, long pairs, int distinctInputs,
            double seconds, long peopleChanged, int total, int offset, int limit, List<Change> changes,
            RuleVersions.Diff rules) {
    }

    /** The paging of an answer: which changes, and how many usernames per move. */
    record Paging(int offset, int limit, int people) {

        Paging {
            offset = Math.max(offset, 0);
            limit = Math.min(Math.max(limit, 1), MAX_LIMIT);
            people = Math.min(Math.max(people, 0), MAX_PEOPLE);
        }
    }

    @Transactional(readOnly = true)
    Result preview(TableCheck.Checked proposed, Paging paging) {
        long started = System.nanoTime();
        Decisions.Table current = decisions.latest(proposed.key());
        Tally tally = new Tally(paging.people());
        String subject = "session";
        switch (proposed.key()) {
            case Decisions.SESSION_VISIBILITY -> visibility(current, proposed.table(), tally);
            case Decisions.REGISTRATION_ELIGIBILITY -> eligibility(current, proposed.table(), tally);
            case Decisions.AUTO_ENROL_ELIGIBILITY -> {
                autoEnrolment(current, proposed.table(), tally);
                subject = "course";
            }
            default -> throw new IllegalArgumentException(proposed.key());
        }
        List<Change> all = tally.changes();
        List<Change> page = all.subList(Math.min(paging.offset(), all.size()),
                Math.min(paging.offset() + paging.limit(), all.size()));
        return new Result(proposed.key(), current.version(), subject, tally.pairs, tally.distinct,
                (System.nanoTime() - started) / 1e9, tally.peopleChanged, all.size(), paging.offset(), paging.limit(),
                List.copyOf(page), versions.againstLatest(proposed, current.version()));
    }

    private void visibility(Decisions.Table current, Decisions.Table proposed, Tally tally) {
        Instant now = clock.instant();
        List<PersonForRules> everyone = people.everyoneForRules();
        Map<Decisions.Viewer, List<String>> byViewer = everyone.stream().collect(Collectors.groupingBy(
                p -> p.profile().viewer(), LinkedHashMap::new, Collectors.mapping(PersonForRules::username, Collectors.toList())));
        Map<Decisions.SessionRules, Map<Decisions.Viewer, Answer[]>> answers = new HashMap<>();
        for (Upcoming session : upcoming.scheduledAfter(now)) {
            Decisions.SessionRules rules = session.rules(now);
            Map<Decisions.Viewer, Answer[]> forRules = answers.computeIfAbsent(rules, r -> new HashMap<>());
            Subject s = tally.subject(session.id(), session.courseTitle() + " - " + session.title(), session.startsAt());
            for (Map.Entry<Decisions.Viewer, List<String>> viewer : byViewer.entrySet()) {
                Answer[] both = forRules.computeIfAbsent(viewer.getKey(), v -> tally.evaluated(
                        () -> visible(decisions.visibility(current, v, rules)),
                        () -> visible(decisions.visibility(proposed, v, rules)), () -> v + " and " + rules));
                tally.pairs += viewer.getValue().size();
                s.add(both, viewer.getValue());
            }
        }
    }

    private static Answer visible(Decisions.Evaluated<Decisions.Visibility> v) {
        return new Answer(v.answer().visible() ? "VISIBLE" : "HIDDEN", v.answer().reason(), v.ruleId());
    }

    /**
     * A learner books only a session they see (any other is answered as if it did not exist), so
     * each session is put to the tables for the people the deployed visibility table shows it to.
     */
    private void eligibility(Decisions.Table current, Decisions.Table proposed, Tally tally) {
        Instant now = clock.instant();
        List<Upcoming> sessions = upcoming.scheduledAfter(now);
        List<PersonForRules> everyone = people.everyoneForRules();
        EligibilityInputs.Bulk inputs = eligibilityInputs.forSessions(sessions);
        Decisions.Table visibility = decisions.latest(Decisions.SESSION_VISIBILITY);
        Map<Decisions.SessionRules, Map<Decisions.Viewer, Boolean>> sees = new HashMap<>();
        Map<Decisions.EligibilityInput, Answer[]> answers = new HashMap<>();
        for (Upcoming session : sessions) {
            Decisions.SessionRules rules = session.rules(now);
            Map<Decisions.Viewer, Boolean> seen = sees.computeIfAbsent(rules, r -> new HashMap<>());
            Subject s = tally.subject(session.id(), session.courseTitle() + " - " + session.title(), session.startsAt());
            for (PersonForRules person : everyone) {
                tally.pairs++;
                if (!seen.computeIfAbsent(person.profile().viewer(), v -> {
                    tally.distinct++;
                    return decisions.visibility(visibility, v, rules).answer().visible();
                })) {
                    continue;
                }
                Decisions.EligibilityInput input = inputs.selfBooking(person, session, inputs.assigned(person, session));
                Answer[] both = answers.computeIfAbsent(input, in -> tally.evaluated(
                        () -> eligible(decisions.eligibility(current, in)),
                        () -> eligible(decisions.eligibility(proposed, in)), in::toString));
                s.add(both, person.username());
            }
        }
    }

    private static Answer eligible(Decisions.Evaluated<Decisions.Eligibility> e) {
        return new Answer(e.answer().outcome().name(), e.answer().reason(), e.ruleId());
    }

    private void autoEnrolment(Decisions.Table current, Decisions.Table proposed, Tally tally) {
        Map<Long, String> titles = courses.all().stream()
                .collect(Collectors.toMap(c -> c.getId(), c -> c.getTitle(), (a, b) -> a));
        autoEnrol.now().forEach((courseId, candidates) -> {
            Subject s = tally.subject(courseId, titles.get(courseId), null);
            candidates.forEach((input, usernames) -> {
                Answer[] both = tally.evaluated(() -> enrols(decisions.autoEnrol(current, input)),
                        () -> enrols(decisions.autoEnrol(proposed, input)), input::toString);
                tally.pairs += usernames.size();
                s.add(both, usernames);
            });
        });
    }

    private static Answer enrols(Decisions.Evaluated<Decisions.AutoEnrol> a) {
        return new Answer(a.answer().enrol() ? "ENROL" : "NOT_ENROLLED", a.answer().reason(), a.ruleId());
    }

    /** The changes found so far, per session or course in the order met, each move capped at the usernames shown. */
    private static final class Tally {

        private final int shown;
        private final List<Subject> subjects = new ArrayList<>();
        long pairs;
        int distinct;
        long peopleChanged;

        Tally(int shown) {
            this.shown = shown;
        }

        Subject subject(long id, String title, Instant startsAt) {
            Subject subject = new Subject(this, id, title, startsAt);
            subjects.add(subject);
            return subject;
        }

        /** Both tables' answers to one input; a proposed table that fails on it is refused, naming the input. */
        Answer[] evaluated(java.util.function.Supplier<Answer> current, java.util.function.Supplier<Answer> proposed,
                java.util.function.Supplier<String> input) {
            distinct++;
            Answer before = current.get();
            try {
                return new Answer[] {before, proposed.get()};
            } catch (RuntimeException e) {
                throw TableCheck.refused("The table fails when evaluated with " + input.get() + ": " + e.getMessage());
            }
        }

        List<Change> changes() {
            return subjects.stream().filter(s -> !s.moves.isEmpty()).map(Subject::change).toList();
        }
    }

    private record MoveKey(Answer from, Answer to) {
    }

    private static final class Subject {

        private final Tally tally;
        private final long id;
        private final String title;
        private final Instant startsAt;
        private final Map<MoveKey, List<String>> moves = new LinkedHashMap<>();
        private final Map<MoveKey, Integer> counts = new HashMap<>();

        Subject(Tally tally, long id, String title, Instant startsAt) {
            this.tally = tally;
            this.id = id;
            this.title = title;
            this.startsAt = startsAt;
        }

        void add(Answer[] both, String username) {
            if (!both[0].outcome().equals(both[1].outcome())) {
                add(both, List.of(username));
            }
        }

        /** Counts the people if their outcome changes; people whose outcome stays are not kept. */
        void add(Answer[] both, List<String> usernames) {
            if (both[0].outcome().equals(both[1].outcome()) || usernames.isEmpty()) {
                return;
            }
            MoveKey key = new MoveKey(both[0], both[1]);
            List<String> kept = moves.computeIfAbsent(key, k -> new ArrayList<>());
            for (int i = 0; i < usernames.size() && kept.size() < tally.shown; i++) {
                kept.add(usernames.get(i));
            }
            counts.merge(key, usernames.size(), Integer::sum);
            tally.peopleChanged += usernames.size();
        }

        Change change() {
            List<Move> list = moves.entrySet().stream().map(e -> {
                Answer from = e.getKey().from();
                Answer to = e.getKey().to();
                return new Move(from.outcome(), to.outcome(), from.reason(), to.reason(), from.rule(), to.rule(),
                        counts.get(e.getKey()), List.copyOf(e.getValue()));
            }).toList();
            return new Change(id, title, startsAt, list.stream().mapToInt(Move::count).sum(), list);
        }
    }
}
