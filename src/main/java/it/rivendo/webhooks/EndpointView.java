package it.rivendo.webhooks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as its page shows it (never its secret).
 *
 * @param disabledBy why it is off: {@code OWNER} or {@code FAILING}; null while on
 * @param failingSince the first failed attempt since the last delivery, null while it
 * answers
 */
public record EndpointView(long id, String url, List<WebhookEventType> events, boolean enabled,
		@Nullable String disabledBy, @Nullable Instant failingSince, Instant createdAt) {

	public boolean disabledForFailures() {
		return "FAILING".equals(disabledBy);
	}

}
