package io.muster.enrolment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    // written out: Hibernate caches its translation (a derived query is translated on every call),
    // and every booking looks it up
    @Query("select e from Enrolment e where e.personId = :personId and e.courseId = :courseId")
    Optional<Enrolment> findByPersonIdAndCourseId(Long personId, Long courseId);

    List<Enrolment> findByPersonIdOrderByEnrolledAtDesc(Long personId);

    List<Enrolment> findByCourseId(Long courseId);
}
