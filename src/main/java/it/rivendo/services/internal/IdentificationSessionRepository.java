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

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("""
			select s from IdentificationSession s
			where s.serviceId = :serviceId and s.provider = :provider
			  and s.status = it.rivendo.services.internal.IdentificationSession.Status.STARTED
			order by s.id desc limit 1""")
	Optional<IdentificationSession> lockStarted(long serviceId, String provider);

}
