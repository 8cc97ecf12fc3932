package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.invoicing.SdiChannel;
import it.rivendo.ordering.OrderDocuments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice and credit note of an order, as links on the reseller's order page, each
 * with where it stands with the SdI.
 */
@Component
class InvoiceOrderDocuments implements OrderDocuments {

	private final InvoiceDocumentRepository documents;

	private final SdiEventRepository events;

	private final Clock clock;

	private final ObjectProvider<SdiChannel> channel;

	InvoiceOrderDocuments(InvoiceDocumentRepository documents, SdiEventRepository events, Clock clock,
			ObjectProvider<SdiChannel> channel) {
		this.documents = documents;
		this.events = events;
		this.clock = clock;
		this.channel = channel;
	}

	/** In the demo, the statuses come from a simulated SdI: the page says so. */
	@Override
	public String noticeKey() {
		SdiChannel available = channel.getIfAvailable();
		return available != null && available.simulated() ? "invoicing.sdi.simulated" : null;
	}

	/**
	 * The order's rejected document that may still be corrected, with what its last
	 * rejection said.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<Rejection> rejection(long resellerId, String orderNumber) {
		Instant now = clock.instant();
		return documents.findByOrderNumberOrderById(orderNumber)
			.stream()
			.filter(document -> document.resellerId() == resellerId && document.correctable(now))
			.findFirst()
			.map(document -> {
				List<String> codes = events.findByDocumentIdOrderById(document.id())
					.stream()
					.filter(event -> event.errorCodes() != null)
					.reduce((first, second) -> second)
					.map(event -> List.of(event.errorCodes().split(",")))
					.orElse(List.of());
				return new Rejection(document.kind().messageKey() + ".numbered", document.number(),
						document.correctableUntil(), codes.stream().map(SdiMails::sentenceKey).distinct().toList(),
						codes);
			});
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
