package io.muster.training;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingRecordRepository extends JpaRepository<TrainingRecord, Long> {

    boolean existsByRegistrationId(Long registrationId);

    List<TrainingRecord> findByPersonIdOrderByCompletedAtDesc(Long personId);
}
