package it.rivendo.mail.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.rivendo.mail.internal.OutboxMessage.Status;
import org.springframework.stereotype.Component;

/**
 * Gauges of the e-mail outbox, read from the database at each scrape, so every instance
 * reports the same shop-wide numbers: {@code rivendo_outbox_messages{status="pending"}}
 * and {@code {status="failed"}}.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, OutboxMessageRepository messages) {
		for (Status status : new Status[] { Status.PENDING, Status.FAILED }) {
			Gauge.builder("rivendo.outbox.messages", messages, repository -> repository.countByStatus(status))
				.description("E-mails in the outbox by status")
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
				.register(registry);
		}
	}

}
