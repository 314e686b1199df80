package io.muster.segment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentRepository extends JpaRepository<Segment, Long> {

    Optional<Segment> findByName(String name);
}
