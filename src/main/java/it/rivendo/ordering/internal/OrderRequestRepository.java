package it.rivendo.ordering.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OrderRequestRepository extends JpaRepository<OrderRequest, Long> {

	Optional<OrderRequest> findByResellerIdAndCheckoutToken(long resellerId, String checkoutToken);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from OrderRequest r where r.id = :id and r.resellerId = :resellerId")
	Optional<OrderRequest> lockOwned(long resellerId, long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from OrderRequest r where r.id = :id")
	Optional<OrderRequest> lockById(long id);

	/** The ids, not the entities: see {@code OrderApprovals.expire}. */
	@Query("select r.id from OrderRequest r where r.status = :status and r.expiresAt <= :now order by r.id")
	List<Long> findIdsByStatusAndExpiresAtLessThanEqual(OrderRequest.Status status, Instant now);

	List<OrderRequest> findByResellerIdAndStatusOrderByCreatedAtDesc(long resellerId, OrderRequest.Status status);

	List<OrderRequest> findTop100ByResellerIdAndStatusNotOrderByCreatedAtDesc(long resellerId,
			OrderRequest.Status status);

	List<OrderRequest> findByResellerIdAndRequestedByUserIdAndStatusOrderByCreatedAtDesc(long resellerId, long userId,
			OrderRequest.Status status);

	List<OrderRequest> findTop100ByResellerIdAndRequestedByUserIdAndStatusNotOrderByCreatedAtDesc(long resellerId,
			long userId, OrderRequest.Status status);

	Optional<OrderRequest> findFirstByResellerIdAndBulkUploadIdAndStatus(long resellerId, long bulkUploadId,
			OrderRequest.Status status);

	/** The requests made from one bulk upload, the latest first. */
	List<OrderRequest> findByResellerIdAndBulkUploadIdOrderByIdDesc(long resellerId, long bulkUploadId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from OrderRequest r where r.resellerId = :resellerId and r.bulkUploadId = :uploadId"
			+ " and r.status = :status order by r.id")
	List<OrderRequest> lockByBulkUpload(long resellerId, long uploadId, OrderRequest.Status status);

	long countByResellerIdAndStatus(long resellerId, OrderRequest.Status status);

}
