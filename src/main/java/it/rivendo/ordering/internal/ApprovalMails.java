package it.rivendo.ordering.internal;

import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.ShopProperties;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The e-mails of order approvals (issue 17), written into the outbox in the caller's
 * transaction: a new request to each Titolare, the decision (or the expiry) to the
 * Operatore who asked.
 */
@Component
public class ApprovalMails {

	public static final String REQUESTED = "ORDER_APPROVAL_REQUESTED";

	public static final String DECIDED = "ORDER_APPROVAL_DECIDED";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final String publicUrl;

	ApprovalMails(MailOutbox outbox, MailRenderer renderer, ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.publicUrl = shop.baseUrl();
	}

	/** To a Titolare: an Operatore's order waits for its approval. */
	public void requested(OrderRequest request, String ownerEmail, String ownerName, String operatorName,
			Locale locale) {
		Notice notice = new Notice("mail.approval.requested.subject", new Object[] { operatorName }, ownerName);
		if (request.isBulk()) {
			notice.paragraph("mail.approval.requested.bulk", operatorName, request.bulkFileName(), request.bulkRows(),
					request.bulkCustomers(), request.totalAmount().amount());
		}
		else {
			notice.paragraph("mail.approval.requested.text", operatorName, request.totalAmount().amount(),
					request.billing().recipientName());
		}
		notice.paragraph("mail.approval.requested.expiry", WHEN.format(request.expiresAt().atZone(Formats.SHOP_ZONE)))
			.action("mail.approval.requested.action", publicUrl + "/account/approvals");
		outbox.enqueue(renderer.notice(REQUESTED, "request-" + request.id(), ownerEmail, locale, notice));
	}

	/** To the Operatore: its request was approved (and paid), rejected or expired. */
	public void decided(OrderRequest request, String operatorEmail, String operatorName, Locale locale) {
		String status = request.status().name();
		Notice notice = new Notice("mail.approval." + status + ".subject", new Object[] { request.id() }, operatorName)
			.paragraph("mail.approval." + status + ".text", request.id(), request.totalAmount().amount(),
					request.orderNumber() == null ? "" : request.orderNumber());
		if (request.reason() != null) {
			notice.paragraph("mail.approval.reason", request.reason());
		}
		notice.action("mail.approval.action", publicUrl + "/account/approvals");
		outbox.enqueue(renderer.notice(DECIDED, "request-" + request.id(), operatorEmail, locale, notice));
	}

}
