package io.muster.registration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.muster.registration.Registration;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The registrations as stored; only the booking module reads and writes them. */
public interface RegistrationRepository extends JpaRepository<Registration, Long> {

    // Queries on hot paths are written out: Hibernate caches a written query's translation to
    // SQL, while a query derived from the method name is built and translated on every call.
    @Query("select r from Registration r where r.sessionId = :sessionId order by r.requestedAt, r.id")
    List<Registration> findBySessionIdOrderByRequestedAtAscIdAsc(Long sessionId);

    // Queries asked on every booking or calendar request spell the ended statuses out instead of
    // taking them as a parameter: Hibernate does not cache the translation of a query with a list
    // parameter. RegistrationRepositoryTest keeps them in step with RegistrationStatus.ENDED.
    @Query("select r from Registration r where r.sessionId = :sessionId and r.personId = :personId"
            + " and r.status not in (io.muster.registration.RegistrationStatus.DECLINED,"
            + " io.muster.registration.RegistrationStatus.APPROVAL_DECLINED, io.muster.registration.RegistrationStatus.CANCELLED)")
    Optional<Registration> findLive(Long sessionId, Long personId);

    @Query("select new io.muster.registration.RosterService$LiveRegistration(r.id, r.sessionId, r.status)"
            + " from Registration r where r.personId = :personId and r.status not in ("
            + "io.muster.registration.RegistrationStatus.DECLINED, io.muster.registration.RegistrationStatus.APPROVAL_DECLINED,"
            + " io.muster.registration.RegistrationStatus.CANCELLED)")
    List<RosterService.LiveRegistration> findLiveValues(Long personId);

    /**
     * Sessions of a course in which the person has an open registration. The caller holds the
     * person's row ({@link RosterService#openSessionsInCourse}), so two bookings of one person into
     * one course are checked one after the other.
     */
    @Query(value = """
            select r.session_id from registration r join training_session s on s.id = r.session_id
            where r.person_id = :personId and s.course_id = :courseId
              and r.status in ('NOT_INVITED', 'INVITED', 'NEEDS_APPROVAL', 'WAITING_LIST', 'REGISTERED')""",
            nativeQuery = true)
    List<Long> openSessionsInCourse(Long personId, Long courseId);

    /** Every registration in the course's sessions, per person, earliest session first. */
    @Query(value = """
            select r.* from registration r join training_session s on s.id = r.session_id
            where s.course_id = :courseId order by r.person_id, s.starts_at, r.id""", nativeQuery = true)
    List<Registration> findByCourse(Long courseId);

    @Query(value = """
            select r.* from registration r join training_session s on s.id = r.session_id
            where s.course_id = :courseId and r.person_id = :personId order by s.starts_at, r.id""", nativeQuery = true)
    List<Registration> findByPersonInCourse(Long personId, Long courseId);

    /** Per session, how many of its registrations are in one of the statuses (sessions with none are left out). */
    @Query("select r.sessionId, count(r) from Registration r where r.sessionId in :sessionIds"
            + " and r.status in :statuses group by r.sessionId")
    List<Object[]> countBySessionInStatuses(Collection<Long> sessionIds, Collection<RegistrationStatus> statuses);

    @Query("select distinct r.sessionId from Registration r where r.personId = :personId"
            + " and r.sessionId in :sessionIds and r.status in :statuses")
    List<Long> sessionsInStatus(Long personId, Collection<Long> sessionIds, Collection<RegistrationStatus> statuses);

    /** Every registration of a person, the latest session first (their own registrations page). */
    @Query(value = """
            select r.* from registration r join training_session s on s.id = r.session_id
            where r.person_id = :personId order by s.starts_at desc, r.id desc""", nativeQuery = true)
    List<Registration> findByPerson(Long personId);

    /** A person's latest registration in a session, live or ended. */
    Optional<Registration> findFirstBySessionIdAndPersonIdOrderByIdDesc(Long sessionId, Long personId);

    /** How many wait ahead of a place in the queue: first come, first served, as the promotion takes them. */
    @Query("select count(r) from Registration r where r.sessionId = :sessionId"
            + " and r.status = io.muster.registration.RegistrationStatus.WAITING_LIST"
            + " and (r.requestedAt < :requestedAt or (r.requestedAt = :requestedAt and r.id < :id))")
    long countQueuedAhead(Long sessionId, java.time.Instant requestedAt, Long id);

    /** The head of the waiting list: first come, first served. */
    Optional<Registration> findFirstBySessionIdAndStatusOrderByRequestedAtAscIdAsc(Long sessionId,
            RegistrationStatus status);
}
