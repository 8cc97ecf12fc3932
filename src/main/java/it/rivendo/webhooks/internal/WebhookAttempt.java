package it.rivendo.webhooks.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to send a delivery, as the log shows it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long deliveryId;

	private int attempt;

	private Instant attemptedAt;

	private Integer statusCode;

	private int latencyMs;

	private String error;

	protected WebhookAttempt() {
	}

	WebhookAttempt(long deliveryId, int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
		this.deliveryId = deliveryId;
		this.attempt = attempt;
		this.attemptedAt = attemptedAt;
		this.statusCode = statusCode;
		this.latencyMs = latencyMs;
		this.error = error == null ? null : error.substring(0, Math.min(error.length(), 300));
	}

}
