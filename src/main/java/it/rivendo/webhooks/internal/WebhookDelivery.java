package it.rivendo.webhooks.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One event for one endpoint: written with the event, sent and retried with the same
 * {@code webhook-id} and body until the endpoint answers 2xx or the retry time is over.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

	public enum Status {

		PENDING, DELIVERED, FAILED

	}

	/** The wait after the 1st, 2nd... failed attempt; the last one repeats. */
	static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(12));

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long endpointId;

	private String messageId;

	private String eventType;

	private String eventKey;

	private String payload;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant createdAt;

	private Instant nextAttemptAt;

	private Instant deliveredAt;

	protected WebhookDelivery() {
	}

	WebhookDelivery(long endpointId, String messageId, String eventType, String eventKey, String payload, Instant now) {
		this.endpointId = endpointId;
		this.messageId = messageId;
		this.eventType = eventType;
		this.eventKey = eventKey;
		this.payload = payload;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	void delivered(Instant now) {
		this.status = Status.DELIVERED;
		this.deliveredAt = now;
	}

	/**
	 * The attempt failed: tried again after the next wait of {@link #BACK_OFF}, the last
	 * time when {@code retryFor} from its creation is over; after that, failed for good.
	 */
	void failed(Instant now, Duration retryFor) {
		Instant giveUp = createdAt.plus(retryFor);
		if (!now.isBefore(giveUp)) {
			this.status = Status.FAILED;
			return;
		}
		Instant next = now.plus(BACK_OFF.get(Math.min(Math.max(attempts, 1), BACK_OFF.size()) - 1));
		this.nextAttemptAt = next.isAfter(giveUp) ? giveUp : next;
	}

	/** The endpoint was turned off for failing: no more attempts. */
	void abandon() {
		if (status == Status.PENDING) {
			this.status = Status.FAILED;
		}
	}

	/** "Invia di nuovo": one more attempt now, with the same webhook-id and body. */
	public void retryNow(Instant now) {
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
	}

	public Long id() {
		return id;
	}

	public long endpointId() {
		return endpointId;
	}

	public String messageId() {
		return messageId;
	}

	public String eventType() {
		return eventType;
	}

	public String payload() {
		return payload;
	}

	public Status status() {
		return status;
	}

	public int attempts() {
		return attempts;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

}
