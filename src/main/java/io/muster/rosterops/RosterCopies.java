package io.muster.rosterops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.ConflictException;
import io.muster.common.ProcessTransactions;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.Bookings;
import io.muster.registration.Invitations;
import io.muster.registration.Registration;
import io.muster.registration.RegistrationMethod;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;

/**
 * Copies learners of one session into another session of the same course, with method COPY, in
 * the status asked for: REGISTERED books them through the registration process, so the destination
 * decides (a seat, its waiting list, an approval, or a refusal such as "Session full"); WAITING_LIST
 * queues them through the same process (after an approval where the session asks for one), and
 * free seats are then offered to the queue as a freed seat would be; INVITED
 * invites them (they answer, and accepting books a seat or the queue); NOT_INVITED adds them to a
 * draft, to be invited at its publication. Each learner's outcome is reported.
 */
@Service
public class RosterCopies {

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final Bookings bookings;
    private final Invitations invitations;
    private final ProcessTransactions transactions;

    RosterCopies(SessionService sessions, PeopleService people, RosterService roster,
            Bookings bookings, Invitations invitations, ProcessTransactions transactions) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.bookings = bookings;
        this.invitations = invitations;
    }

    /** The statuses a copy can start from: booked, queued, invited now, or invited when a draft is published. */
    public static final Set<RegistrationStatus> STATUSES = Collections.unmodifiableSet(EnumSet.of(
            RegistrationStatus.REGISTERED, RegistrationStatus.WAITING_LIST, RegistrationStatus.INVITED,
            RegistrationStatus.NOT_INVITED));

    public record Copied(String username, long fromRegistrationId, long registrationId, RegistrationStatus status) {
    }

    public record NotCopied(String username, Long fromRegistrationId, String reason) {
    }

    public record Result(long targetSessionId, List<Copied> copied, List<NotCopied> refused) {
    }

    public Result copy(long sessionId, long targetSessionId, List<Long> registrationIds, List<String> usernames,
            RegistrationStatus status, String actor) {
        transactions.run(() -> {
            TrainingSession source = sessions.get(sessionId);
            TrainingSession target = sessions.get(targetSessionId);
            if (targetSessionId == sessionId) {
                throw new ConflictException("targetSessionId", "must be another session than the one copied from");
            }
            if (!target.getCourse().getId().equals(source.getCourse().getId())) {
                throw new ConflictException("targetSessionId", "must be a session of the same course");
            }
            boolean draft = target.getStatus() == SessionStatus.DRAFT;
            if (draft != (status == RegistrationStatus.NOT_INVITED)) {
                throw new ConflictException("status", draft
                        ? "a draft session takes learners as NOT_INVITED: they are invited when it is published"
                        : "only a draft session takes NOT_INVITED learners");
            }
            return null;
        });
        List<Copied> copied = new ArrayList<>();
        List<NotCopied> refused = new ArrayList<>();
        for (Map.Entry<String, Registration> line : learners(sessionId, registrationIds, usernames, refused).entrySet()) {
            String username = line.getKey();
            long from = line.getValue().getId();
            PerLine.attempt(() -> switch (status) {
                        case REGISTERED -> bookings.bookFor(targetSessionId, username, actor, RegistrationMethod.COPY);
                        case WAITING_LIST -> bookings.queueFor(targetSessionId, username, actor,
                                RegistrationMethod.COPY);
                        default -> invitations.addForInvitation(targetSessionId, username, actor,
                                RegistrationMethod.COPY);
                    },
                    booked -> copied.add(new Copied(username, from, booked.id(), booked.status())),
                    why -> refused.add(new NotCopied(username, from, why)));
        }
        return new Result(targetSessionId, copied, refused);
    }

    /** Each selected learner once, with their latest line on the source roster; the rest refused. */
    private Map<String, Registration> learners(long sessionId, List<Long> registrationIds, List<String> usernames,
            List<NotCopied> refused) {
        List<Registration> rosterLines = roster.rosterOf(sessionId);
        Map<Long, Registration> latestByPerson = new LinkedHashMap<>();
        rosterLines.forEach(r -> latestByPerson.put(r.getPersonId(), r));
        Map<String, Registration> selected = new LinkedHashMap<>();
        for (Long id : registrationIds) {
            Registration r = rosterLines.stream().filter(x -> x.getId().equals(id)).findFirst().orElse(null);
            if (r == null) {
                refused.add(new NotCopied(null, id, "Not on this session's roster"));
            } else {
                selected.putIfAbsent(people.get(r.getPersonId()).getUsername(), r);
            }
        }
        for (String username : usernames) {
            Person person = people.find(username).orElse(null);
            Registration r = person == null ? null : latestByPerson.get(person.getId());
            if (r == null) {
                refused.add(new NotCopied(username, null, "Not on this session's roster"));
            } else {
                selected.putIfAbsent(username, r);
            }
        }
        return selected;
    }
}
