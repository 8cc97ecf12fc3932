package it.rivendo.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An e-mail in the outbox as staff see it: to whom, what, and how its delivery goes. */
public record OutboxEntry(long id, String recipient, String subject, String status, int attempts,
		@Nullable String lastError, Instant createdAt, String bodyText, String bodyHtml) {
}
