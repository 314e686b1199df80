package io.muster.enrolment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByPersonIdAndCourseId(Long personId, Long courseId);

    List<Enrolment> findByPersonIdOrderByEnrolledAtDesc(Long personId);

    List<Enrolment> findByCourseId(Long courseId);
}
