package io.muster.enrolmentkey;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentKeyRepository extends JpaRepository<EnrolmentKey, Long> {

    Optional<EnrolmentKey> findByCode(String code);

    /**
     * Takes one use of the key, atomically: 1 when a use was left and the key had not expired,
     * else 0. The row stays locked until the redemption commits or rolls back, so redemptions of
     * one key run one after the other and a rolled-back one gives its use back.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "update enrolment_key set uses = uses + 1 where id = :id and uses < max_uses and expires_at > :now",
            nativeQuery = true)
    int use(long id, Instant now);
}
