package it.rivendo.support.internal;

import it.rivendo.shared.ShopProperties;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a support request, written into the outbox in the caller's transaction
 * and in the language the sender wrote in: the acknowledgement, and each answer.
 */
@Component
public class SupportMails {

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final MessageSource messages;

	private final String publicUrl;

	SupportMails(MailOutbox outbox, MailRenderer renderer, MessageSource messages, ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.messages = messages;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * The acknowledgement. A reseller's own address is proven (it signs in with it), so
	 * it gets its text back; an address someone merely typed is not, so it gets neither
	 * the text nor the name typed with it: the form cannot be used to send someone else
	 * words of one's choosing.
	 */
	public void received(SupportRequest request) {
		Locale locale = request.locale();
		String topic = messages.getMessage(request.topic().messageKey(), null, locale);
		Notice notice;
		if (request.fromReseller()) {
			notice = new Notice("mail.support.received.subject", new Object[] { request.id() }, request.senderName())
				.paragraph("mail.support.received.text", request.id(), topic)
				.item(request.message());
		}
		else {
			notice = new Notice("mail.support.received.subject", new Object[] { request.id() }, null)
				.paragraph("mail.support.received.public", request.id(), topic)
				.paragraph("mail.support.received.notYou");
		}
		send("SUPPORT_RECEIVED", request, locale, notice);
	}

	public void answered(SupportRequest request, String answer) {
		Locale locale = request.locale();
		Notice notice = new Notice("mail.support.answer.subject", new Object[] { request.id() }, request.senderName())
			.paragraph("mail.support.answer.text", request.id())
			.item(answer);
		send("SUPPORT_ANSWER", request, locale, notice);
	}

	private void send(String kind, SupportRequest request, Locale locale, Notice notice) {
		if (request.fromReseller()) {
			notice.action("mail.support.action", publicUrl + "/account/support/" + request.id());
		}
		outbox.enqueue(renderer.notice(kind, "support-" + request.id(), request.senderEmail(), locale, notice));
	}

}
