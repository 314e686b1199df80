package io.muster.enrolmentkey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.ProcessTransactions;
import io.muster.course.Course;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.registration.Bookings;
import io.muster.registration.RegistrationView;
import io.muster.registration.RegistrationMethod;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment keys: admins make them for one or several sessions of a course; learners redeem them
 * into all of those sessions at once, through the registration process, or into none.
 */
@Service
public class EnrolmentKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrolmentKeyRepository keys;
    private final SessionService sessions;
    private final Bookings registrations;
    private final MultipleSessionEnrolment multipleSessions;
    private final ProcessTransactions transactions;
    private final Clock clock;

    EnrolmentKeyService(EnrolmentKeyRepository keys, SessionService sessions, Bookings registrations,
            MultipleSessionEnrolment multipleSessions, ProcessTransactions transactions, Clock clock) {
        this.keys = keys;
        this.sessions = sessions;
        this.registrations = registrations;
        this.multipleSessions = multipleSessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A new key. Its uses may not exceed the fewest seats left among its sessions (unlimited
     * sessions do not count), so that a key alone never promises more seats than there are.
     */
    @Transactional
    public EnrolmentKey create(long courseId, List<Long> sessionIds, int maxUses, Instant expiresAt, String actor) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        Set<Long> ids = new TreeSet<>(sessionIds);
        Course course = null;
        Integer fewestSeatsLeft = null;
        for (long id : ids) {
            TrainingSession session = session(id);
            if (session.getCourse().getId() != courseId) {
                throw new InvalidInputException("sessionIds", "session " + id + " is not a session of course " + courseId);
            }
            if (session.getStatus() != SessionStatus.DRAFT && session.getStatus() != SessionStatus.SCHEDULED
                    || !session.getStartsAt().isAfter(now)) {
                throw new ConflictException("sessionIds", "session " + id + " is not open for booking");
            }
            course = session.getCourse();
            Integer left = session.getSeatsLeft();
            if (left != null && (fewestSeatsLeft == null || left < fewestSeatsLeft)) {
                fewestSeatsLeft = left;
            }
        }
        if (ids.size() > 1 && !multipleSessions.allowedFor(course)) {
            throw new ConflictException("sessionIds",
                    "course " + course.getCode() + " does not allow enrolment in multiple sessions");
        }
        if (fewestSeatsLeft != null && maxUses > fewestSeatsLeft) {
            throw new ConflictException("maxUses", "at most " + fewestSeatsLeft
                    + ": the fewest seats left among the key's sessions");
        }
        return keys.save(new EnrolmentKey(newCode(), courseId, ids, maxUses, expiresAt, actor, now));
    }

    @Transactional(readOnly = true)
    public EnrolmentKey get(String code) {
        return keys.findByCode(code).orElseThrow(() -> new NotFoundException("Enrolment key", code));
    }

    /** Every key, the newest first. */
    @Transactional(readOnly = true)
    public List<EnrolmentKey> all() {
        return keys.findAll(Sort.by(Sort.Direction.DESC, "createdAt", "id"));
    }

    /**
     * Registers the learner into every session of the key in one transaction: one use is taken by
     * a conditional update on the key's row, then each session through the registration process.
     * A full session, an existing registration or a refusal rolls it all back, the use included.
     */
    public List<RegistrationView> redeem(String code, String username) {
        return transactions.run(() -> {
            EnrolmentKey key = get(code);
            Instant now = clock.instant();
            if (keys.use(key.getId(), now) == 0) {
                throw new ConflictException(key.getExpiresAt().isAfter(now) ? "This key has no uses left"
                        : "This key expired at " + key.getExpiresAt());
            }
            return registrations.registerAll(key.getCourseId(), key.getSessionIds(), List.of(username),
                    RegistrationMethod.KEY, username, true);
        });
    }

    private TrainingSession session(long id) {
        try {
            return sessions.get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("sessionIds", "session " + id + " does not exist");
        }
    }

    /** 120 random bits, URL-safe: not guessable, short enough to type. */
    private static String newCode() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
