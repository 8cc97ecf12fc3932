package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
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

}
