package io.muster.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

    boolean existsByEventKey(String eventKey);
}
