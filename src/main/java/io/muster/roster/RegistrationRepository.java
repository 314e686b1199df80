package io.muster.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findBySessionIdOrderByRequestedAtAscIdAsc(Long sessionId);

    @Query("select r from Registration r where r.sessionId = :sessionId and r.personId = :personId and r.status not in :ended")
    Optional<Registration> findLive(Long sessionId, Long personId, Collection<RegistrationStatus> ended);

    default Optional<Registration> findLive(Long sessionId, Long personId) {
        return findLive(sessionId, personId, RegistrationStatus.ENDED);
    }

    List<Registration> findByPersonIdAndStatusNotIn(Long personId, Collection<RegistrationStatus> ended);

    /** The head of the waiting list: first come, first served. */
    Optional<Registration> findFirstBySessionIdAndStatusOrderByRequestedAtAscIdAsc(Long sessionId,
            RegistrationStatus status);
}
