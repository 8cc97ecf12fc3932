package it.rivendo.invoicing.internal;

import it.rivendo.mail.MailAttachment;
import it.rivendo.mail.OrderMailAttachments;
import it.rivendo.ordering.OrderPlaced;
import java.util.List;
import org.springframework.stereotype.Component;

/** The purchase e-mail carries the order's invoice as PDF. */
@Component
class InvoiceMailAttachment implements OrderMailAttachments {

	private final DocumentIssuer issuer;
	private final PdfRenderer pdf;

	InvoiceMailAttachment(DocumentIssuer issuer, PdfRenderer pdf) {
		this.issuer = issuer;
		this.pdf = pdf;
	}

	@Override
	public List<MailAttachment> forOrder(OrderPlaced order) {
		InvoiceDocument invoice = issuer.invoiceOf(order);
		return List.of(new MailAttachment(pdf.fileName(invoice), "application/pdf", pdf.render(invoice)));
	}
}
