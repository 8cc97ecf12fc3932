package it.rivendo.mail;

import java.util.List;

/**
 * An e-mail to write into the outbox.
 *
 * @param kind what it is about, e.g. {@code PURCHASE}
 * @param reference what it refers to, e.g. an order number
 * @param attachments files sent with it, in this order
 */
public record OutgoingMail(String kind, String reference, String recipient, String subject, String text, String html,
		List<MailAttachment> attachments) {

	public OutgoingMail {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public OutgoingMail(String kind, String reference, String recipient, String subject, String text, String html) {
		this(kind, reference, recipient, subject, text, html, List.of());
	}

	public OutgoingMail withAttachments(List<MailAttachment> files) {
		return new OutgoingMail(kind, reference, recipient, subject, text, html, files);
	}
}
