package io.muster.notification;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SentMailRepository extends JpaRepository<SentMail, Long> {

    boolean existsByEventKey(String eventKey);

    java.util.Optional<SentMail> findByEventKey(String eventKey);

    List<SentMail> findByEventKeyIn(java.util.Collection<String> eventKeys);

    @Modifying
    @Query("update SentMail m set m.status = 'SENT' where m.eventKey in :eventKeys")
    int markSent(@Param("eventKeys") java.util.Collection<String> eventKeys);

    /** The log, newest first, filtered by session and by a recipient address (either may be null). */
    @Query("""
            select m from SentMail m
            where (:sessionId is null or m.sessionId = :sessionId)
              and (:recipient is null or lower(m.recipient) like :recipient)
            order by m.sentAt desc, m.id desc""")
    List<SentMail> search(@Param("sessionId") Long sessionId, @Param("recipient") String recipientPattern,
            Pageable page);
}
