package it.rivendo.mail;

/**
 * An e-mail to write into the outbox.
 * @param kind what it is about, e.g. {@code PURCHASE}
 * @param reference what it refers to, e.g. an order number
 */
public record OutgoingMail(String kind, String reference, String recipient, String subject, String text,
		String html) {
}
