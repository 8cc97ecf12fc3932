package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceDocumentRepository extends JpaRepository<InvoiceDocument, Long> {

	Optional<InvoiceDocument> findByKindAndOrderNumber(DocumentKind kind, String orderNumber);

	boolean existsByKindAndOrderNumber(DocumentKind kind, String orderNumber);

	Optional<InvoiceDocument> findByCreditEntryId(long creditEntryId);

	List<InvoiceDocument> findByOrderNumberOrderById(String orderNumber);

	@Query("""
			select d from InvoiceDocument d
			where d.issueDate between :from and :to and d.kind in :kinds
			order by d.issueDate, d.kind, d.seq""")
	List<InvoiceDocument> issuedBetween(LocalDate from, LocalDate to, List<DocumentKind> kinds);

	/**
	 * Claims documents due to be sent to the SdI for this transaction. Rows another
	 * instance has claimed are skipped, so two senders never take the same document.
	 */
	@Query(value = """
			select * from invoice_document
			where sdi_status = 'TO_SEND' and sdi_due_at <= :now
			order by sdi_due_at, id
			limit :batch
			for update skip locked""", nativeQuery = true)
	List<InvoiceDocument> claimDueForSdi(Instant now, int batch);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from InvoiceDocument d where d.id = :id")
	Optional<InvoiceDocument> lockById(long id);

}
