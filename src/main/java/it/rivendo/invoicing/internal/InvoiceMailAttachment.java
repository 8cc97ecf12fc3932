package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.mail.MailAttachment;
import it.rivendo.mail.OrderMailAttachments;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purchase e-mail carries the order's invoice as PDF, rendered when the e-mail is
 * sent.
 */
@Component
class InvoiceMailAttachment implements OrderMailAttachments {

	private final InvoiceDocumentRepository documents;

	private final PdfRenderer pdf;

	InvoiceMailAttachment(InvoiceDocumentRepository documents, PdfRenderer pdf) {
		this.documents = documents;
		this.pdf = pdf;
	}

	@Override
	@Transactional(readOnly = true)
	public List<MailAttachment> forOrder(String orderNumber) {
		return documents.findByKindAndOrderNumber(DocumentKind.INVOICE, orderNumber)
			.map(invoice -> List.of(new MailAttachment(pdf.fileName(invoice), "application/pdf", pdf.render(invoice))))
			.orElse(List.of());
	}

}
