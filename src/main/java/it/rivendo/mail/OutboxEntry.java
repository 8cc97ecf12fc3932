package it.rivendo.mail;

import java.time.Instant;

/** An e-mail in the outbox as staff see it: to whom, what, and how its delivery goes. */
public record OutboxEntry(long id, String recipient, String subject, String status, int attempts, String lastError,
		Instant createdAt, String bodyText, String bodyHtml) {
}
