package it.rivendo.services.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface IdentificationSessionRepository extends JpaRepository<IdentificationSession, Long> {

	Optional<IdentificationSession> findByReference(String reference);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from IdentificationSession s where s.reference = :reference")
	Optional<IdentificationSession> lockByReference(String reference);
}
