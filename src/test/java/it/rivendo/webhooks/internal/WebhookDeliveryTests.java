package it.rivendo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry schedule: 30 s, 2 min, 10 min, 1 h, 6 h, then every 12 h, for 3 days. */
class WebhookDeliveryTests {

	private static final Duration THREE_DAYS = Duration.ofDays(3);

	@Test
	void failuresWaitLongerEachTimeAndStopAfterThreeDays() throws Exception {
		Instant created = Instant.parse("2026-11-30T10:00:00Z");
		WebhookDelivery delivery = new WebhookDelivery(1, "msg_x", "order.paid", "order.paid:1", "{}", created);
		List<Duration> waits = new ArrayList<>();
		Instant now = created;
		var attempts = WebhookDelivery.class.getDeclaredField("attempts");
		attempts.setAccessible(true);
		for (int attempt = 1; delivery.status() == WebhookDelivery.Status.PENDING && attempt < 30; attempt++) {
			attempts.setInt(delivery, attempt); // the claim counts it
			delivery.failed(now, THREE_DAYS);
			if (delivery.status() == WebhookDelivery.Status.PENDING) {
				waits.add(Duration.between(now, delivery.nextAttemptAt()));
				now = delivery.nextAttemptAt();
			}
		}
		assertThat(waits.subList(0, 6)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2),
				Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(12));
		assertThat(now).as("the last attempt, when the 3 days are over").isEqualTo(created.plus(THREE_DAYS));
		assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
		assertThat(waits).hasSize(11);
	}

}
