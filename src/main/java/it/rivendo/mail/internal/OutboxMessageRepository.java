package it.rivendo.mail.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

	boolean existsByKindAndReference(String kind, String reference);

	/**
	 * Claims due messages for this transaction. Rows another instance has claimed are
	 * skipped, so two senders never take the same message.
	 */
	@Query(value = """
			select * from mail_outbox
			where status = 'PENDING' and next_attempt_at <= :now
			order by id
			limit :batch
			for update skip locked""", nativeQuery = true)
	List<OutboxMessage> claimDue(Instant now, int batch);

	Page<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

	long countByStatus(OutboxMessage.Status status);

	@Query("select count(m) from OutboxMessage m where m.status = it.rivendo.mail.internal.OutboxMessage.Status.FAILED or (m.status = it.rivendo.mail.internal.OutboxMessage.Status.PENDING and m.attempts > 0)")
	long countTrouble();

}
