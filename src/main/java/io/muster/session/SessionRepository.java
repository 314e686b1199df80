package io.muster.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SessionRepository extends JpaRepository<TrainingSession, Long> {

    /** Sessions of the trainer that overlap [start, end) and still take place, other than {@code exceptId}. */
    @Query("""
            select count(s) > 0 from TrainingSession s
            where s.trainer.id = :trainerId and s.status <> io.muster.session.SessionStatus.CANCELLED
              and s.startsAt < :end and s.endsAt > :start and (:exceptId is null or s.id <> :exceptId)""")
    boolean trainerBusy(@Param("trainerId") Long trainerId, @Param("start") Instant start, @Param("end") Instant end,
            @Param("exceptId") Long exceptId);

    @Query("""
            select s from TrainingSession s left join s.trainer t
            where (:trainer is null or t.username = :trainer)
              and (:status is null or s.status = :status)
              and (:q is null or lower(s.title) like :q or lower(s.course.title) like :q)
            order by s.startsAt, s.id""")
    List<TrainingSession> search(@Param("trainer") String trainer, @Param("status") SessionStatus status,
            @Param("q") String likePattern);

    List<TrainingSession> findByCourseIdOrderByStartsAtAscIdAsc(Long courseId);
}
