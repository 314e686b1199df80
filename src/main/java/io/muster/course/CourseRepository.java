package io.muster.course;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseRepository extends JpaRepository<Course, Long> {

    Optional<Course> findByCode(String code);

    /** Spring Data escapes the LIKE wildcards in the text, so '%' and '_' are found as typed. */
    List<Course> findByTitleContainingIgnoreCaseOrCodeContainingIgnoreCase(String title, String code, Sort sort);
}
