package it.rivendo.services.internal;

import it.rivendo.services.ServiceStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;

/**
 * Claiming rows with this lock timeout skips rows another transaction holds
 * ({@code SKIP LOCKED}).
 */
public interface PurchasedServiceRepository
		extends JpaRepository<PurchasedService, Long>, JpaSpecificationExecutor<PurchasedService> {

	String SKIP_LOCKED = "-2";

	long countByOrderId(long orderId);

	long countByStatus(ServiceStatus status);

	/** How many of a reseller's services are in each status: rows of status and count. */
	@Query("select s.status, count(s) from PurchasedService s where s.resellerId = :resellerId group by s.status")
	List<Object[]> countByStatusOf(long resellerId);

	/** The same, of the services one user of the team bought. */
	@Query("""
			select s.status, count(s) from PurchasedService s
			where s.resellerId = :resellerId and s.placedByUserId = :userId group by s.status""")
	List<Object[]> countByStatusOf(long resellerId, long userId);

	List<PurchasedService> findByOrderIdOrderById(long orderId);

	Optional<PurchasedService> findByIdAndResellerId(long id, long resellerId);

	/** Rows of order line id and service id, the oldest service first. */
	@Query("""
			select s.orderLineId, s.id from PurchasedService s
			where s.resellerId = :resellerId and s.orderLineId in :orderLineIds order by s.id""")
	List<Object[]> idsByOrderLine(long resellerId, java.util.Collection<Long> orderLineIds);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from PurchasedService s where s.id = :id")
	Optional<PurchasedService> lockById(long id);

	/**
	 * Is this e-mail already the holder of an active service under another codice
	 * fiscale?
	 */
	@Query("""
			select count(s) > 0 from PurchasedService s
			where lower(s.customerEmail) = lower(:email) and s.status = it.rivendo.services.ServiceStatus.ACTIVE
			  and s.customerTaxCode <> :taxCode""")
	boolean activeWithAnotherTaxCode(String email, String taxCode);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
	@Query("""
			select s from PurchasedService s
			where s.status in :statuses and s.activationDeadline < :before
			order by s.id""")
	List<PurchasedService> findDueBefore(List<ServiceStatus> statuses, Instant before);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
	@Query("""
			select s from PurchasedService s
			where s.status in :statuses and s.reminderSentAt is null
			  and s.activationDeadline between :from and :to
			order by s.resellerId, s.activationDeadline""")
	List<PurchasedService> findToRemind(List<ServiceStatus> statuses, Instant from, Instant to);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
	@Query("""
			select s from PurchasedService s
			where s.status = it.rivendo.services.ServiceStatus.ACTIVE and s.validUntil <= :now
			order by s.id""")
	List<PurchasedService> findTermsEnded(Instant now);

	/**
	 * Running services with automatic renewal whose expiry falls in {@code (now, until]},
	 * reseller by reseller, soonest first.
	 */
	@Query("""
			select new it.rivendo.services.internal.PurchasedServiceRepository$DueRenewal(s.resellerId, s.id)
			from PurchasedService s
			where s.autoRenew = true and s.validUntil > :now and s.validUntil <= :until
			  and s.status in (it.rivendo.services.ServiceStatus.ACTIVE, it.rivendo.services.ServiceStatus.SUSPENDED)
			order by s.resellerId, s.validUntil, s.id""")
	List<DueRenewal> findAutoRenewalsDue(Instant now, Instant until);

	/** A service due for its automatic renewal, and whose it is. */
	record DueRenewal(long resellerId, long serviceId) {
	}

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = SKIP_LOCKED))
	@Query("select s from PurchasedService s where s.status = it.rivendo.services.ServiceStatus.SUSPENDED and s.suspendedUntil <= :now")
	List<PurchasedService> findSuspensionsOver(Instant now);

}
