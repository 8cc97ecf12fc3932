package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.ordering.OrderDocuments;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice and credit note of an order, as links on the reseller's order page, each
 * with where it stands with the SdI.
 */
@Component
class InvoiceOrderDocuments implements OrderDocuments {

	private final InvoiceDocumentRepository documents;

	InvoiceOrderDocuments(InvoiceDocumentRepository documents) {
		this.documents = documents;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Link> forReseller(long resellerId, String orderNumber) {
		return documents.findByOrderNumberOrderById(orderNumber)
			.stream()
			.filter(document -> document.resellerId() == resellerId)
			.map(document -> new Link(document.kind().messageKey() + ".numbered", document.number(),
					"/orders/" + orderNumber
							+ (document.kind() == DocumentKind.INVOICE ? "/invoice.pdf" : "/credit-note.pdf"),
					document.sdiStatus() == null ? null : document.sdiStatus().messageKey(),
					document.sdiStatus() == null ? null : document.sdiStatus().tone()))
			.toList();
	}

}
