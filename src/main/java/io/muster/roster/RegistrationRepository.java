package io.muster.roster;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findBySessionIdOrderByRequestedAtAscIdAsc(Long sessionId);
}
