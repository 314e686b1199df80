package io.muster.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SessionRepository extends JpaRepository<TrainingSession, Long> {

    /** Sessions of the trainer that overlap [start, end) and still take place, other than {@code exceptId}. */
    @Query("""
            select s from TrainingSession s
            where s.trainer.id = :trainerId and s.status <> io.muster.session.SessionStatus.CANCELLED
              and s.startsAt < :end and s.endsAt > :start and (:exceptId is null or s.id <> :exceptId)
            order by s.startsAt, s.id""")
    List<TrainingSession> trainerClashes(@Param("trainerId") Long trainerId, @Param("start") Instant start,
            @Param("end") Instant end, @Param("exceptId") Long exceptId);

    @Query("""
            select s from TrainingSession s left join s.trainer t
            where (:trainer is null or t.username = :trainer)
              and (:courseId is null or s.course.id = :courseId)
              and (:status is null or s.status = :status)
              and (:q is null or lower(s.title) like :q or lower(s.course.title) like :q)
              and s.startsAt >= :from and s.startsAt < :to
            order by s.startsAt, s.id""")
    List<TrainingSession> search(@Param("trainer") String trainer, @Param("courseId") Long courseId,
            @Param("status") SessionStatus status, @Param("q") String likePattern, @Param("from") Instant from,
            @Param("to") Instant to);

    List<TrainingSession> findByCourseIdOrderByStartsAtAscIdAsc(Long courseId);
}
