package it.rivendo.handoff.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface HandoffTokenRepository extends JpaRepository<HandoffToken, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from HandoffToken t where t.tokenHash = :tokenHash")
	Optional<HandoffToken> lockByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from HandoffToken t where t.codeHash = :codeHash")
	Optional<HandoffToken> lockByCodeHash(String codeHash);

	long countByUserIdAndCreatedAtAfter(long userId, Instant after);

	@Modifying
	@Query("delete from HandoffToken t where t.expiresAt < :before")
	int deleteExpiredBefore(Instant before);

}
