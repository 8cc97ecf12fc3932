package it.rivendo.services.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRenewalRepository extends JpaRepository<ServiceRenewal, Long> {

	boolean existsByOrderLineId(long orderLineId);

	List<ServiceRenewal> findByServiceIdOrderById(long serviceId);

	/** The renewals an order made that still stand. */
	List<ServiceRenewal> findByOrderIdAndCancelledAtIsNullOrderById(long orderId);

	/** The renewal that stands on the term ending on {@code oldValidUntil}, if any. */
	Optional<ServiceRenewal> findByServiceIdAndOldValidUntilAndCancelledAtIsNull(long serviceId, Instant oldValidUntil);

	/**
	 * How many renewals of this service's term ending on {@code oldValidUntil} were
	 * cancelled.
	 */
	long countByServiceIdAndOldValidUntilAndCancelledAtIsNotNull(long serviceId, Instant oldValidUntil);

}
