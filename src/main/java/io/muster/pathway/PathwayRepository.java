package io.muster.pathway;

import org.springframework.data.jpa.repository.JpaRepository;

interface PathwayRepository extends JpaRepository<Pathway, Long> {
}
