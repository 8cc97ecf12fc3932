package it.rivendo.support.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Support requests as aggregates, for changing them; the pages read them with SQL
 * ({@code SupportDesk}).
 */
public interface SupportRequestRepository extends JpaRepository<SupportRequest, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from SupportRequest r where r.id = :id")
	Optional<SupportRequest> lockById(long id);

}
