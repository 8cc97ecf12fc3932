package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.SdiStatus;
import it.rivendo.ordering.OrderBillingCorrected;
import it.rivendo.shared.Refusal;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a reseller corrects the billing data of an order, its rejected documents take them
 * and are sent again: same number and date, a new file. In the transaction of the
 * correction: if no document of the order may be sent again (none rejected, or the five
 * days are over) the correction is refused and nothing changes. Delivered twice, the
 * second finds nothing rejected and refuses, which the first's commit makes harmless.
 */
@Component
class SdiCorrections {

	private final InvoiceDocumentRepository documents;

	private final SdiEventRepository events;

	SdiCorrections(InvoiceDocumentRepository documents, SdiEventRepository events) {
		this.documents = documents;
		this.events = events;
	}

	@EventListener
	void on(OrderBillingCorrected corrected) {
		List<InvoiceDocument> rejected = documents.findByOrderNumberOrderById(corrected.number())
			.stream()
			.filter(document -> document.resellerId() == corrected.resellerId()
					&& document.sdiStatus() == SdiStatus.REJECTED)
			.toList();
		if (rejected.isEmpty()) {
			throw new Refusal("invoicing.sdi.correct.notRejected", corrected.number());
		}
		for (InvoiceDocument found : rejected) {
			InvoiceDocument document = documents.lockById(found.id()).orElseThrow();
			document.correct(corrected.billing(), corrected.correctedAt());
			events.save(SdiEvent.of(document, null, corrected.correctedAt(), corrected.actor()));
		}
	}

}
