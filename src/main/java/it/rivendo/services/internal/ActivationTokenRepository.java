package it.rivendo.services.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ActivationTokenRepository extends JpaRepository<ActivationToken, Long> {

	Optional<ActivationToken> findByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from ActivationToken t where t.tokenHash = :tokenHash")
	Optional<ActivationToken> lockByTokenHash(String tokenHash);

	List<ActivationToken> findByServiceId(long serviceId);

}
