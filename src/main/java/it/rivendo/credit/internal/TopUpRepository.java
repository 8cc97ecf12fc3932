package it.rivendo.credit.internal;

import it.rivendo.credit.TopUpStatus;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Top-ups to change, loaded with a lock: whoever comes second waits, then finds the
 * top-up as the first left it.
 */
public interface TopUpRepository extends JpaRepository<TopUp, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from TopUp t where t.id = :id")
	Optional<TopUp> lockById(long id);

	/** A card top-up by the reference its payment has at the provider (unique). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from TopUp t where t.providerReference = :providerReference")
	Optional<TopUp> lockByProviderReference(String providerReference);

	/**
	 * The next number of the references top-ups are paid with ({@code RIC-2026-000042}),
	 * never given twice.
	 */
	@Query(value = "select nextval('top_up_reference_seq')", nativeQuery = true)
	long nextReferenceNumber();

	long countByStatus(TopUpStatus status);

}
