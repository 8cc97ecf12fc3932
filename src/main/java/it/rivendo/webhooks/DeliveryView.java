package it.rivendo.webhooks;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery in an endpoint's log, with its last attempt. Serializable: the page passes
 * it on as a flash attribute, which lives in the session.
 *
 * @param messageId the {@code webhook-id} header, the same on every attempt
 * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 * @param lastStatusCode what the endpoint answered last; null when it did not answer
 * @param nextAttemptAt when it is tried again; null when it is no longer pending
 */
public record DeliveryView(long id, String messageId, String eventType, String status, int attempts, Instant createdAt,
		@Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode, @Nullable Integer lastLatencyMs,
		@Nullable String lastError, @Nullable Instant nextAttemptAt) implements Serializable {

	public boolean pending() {
		return "PENDING".equals(status);
	}

	public boolean delivered() {
		return "DELIVERED".equals(status);
	}

}
