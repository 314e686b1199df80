package io.muster.training;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingRecordRepository extends JpaRepository<TrainingRecord, Long> {

    boolean existsByRegistrationId(Long registrationId);
}
