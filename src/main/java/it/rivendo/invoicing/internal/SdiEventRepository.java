package it.rivendo.invoicing.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SdiEventRepository extends JpaRepository<SdiEvent, Long> {

	boolean existsByReceiptId(String receiptId);

	List<SdiEvent> findByDocumentIdOrderById(long documentId);

}
