package it.rivendo.bulk.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface BulkUploadRepository extends JpaRepository<BulkUpload, Long> {

	Optional<BulkUpload> findByIdAndResellerId(long id, long resellerId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from BulkUpload u where u.id = :id")
	Optional<BulkUpload> lockById(long id);

	List<BulkUpload> findByResellerIdOrderByCreatedAtDesc(long resellerId, Pageable page);

	List<BulkUpload> findByResellerIdAndUploadedByUserIdOrderByCreatedAtDesc(long resellerId, long uploadedByUserId,
			Pageable page);

	/**
	 * Deletes previews nobody confirmed (their rows go with them, on delete cascade),
	 * except those sent for approval while their request may wait.
	 */
	@Modifying
	@Query(value = "delete from bulk_upload where status = 'PREVIEW' and created_at < :before"
			+ " and (held_until is null or held_until < :now)", nativeQuery = true)
	int deletePreviewsBefore(Instant before, Instant now);

}
