package it.rivendo.webhooks.internal;

import it.rivendo.webhooks.WebhookEventType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A reseller's endpoint: where its events are posted, and whether it answers. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

	static final String BY_OWNER = "OWNER";

	static final String FAILING = "FAILING";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	private String url;

	private String events;

	private String secret;

	private boolean enabled;

	private String disabledReason;

	private Instant failingSince;

	private Instant createdAt;

	protected WebhookEndpoint() {
	}

	public WebhookEndpoint(long resellerId, String url, Collection<WebhookEventType> events, String secret,
			Instant now) {
		if (events.isEmpty()) {
			throw new IllegalArgumentException("An endpoint subscribes to at least one event");
		}
		this.resellerId = resellerId;
		this.url = url;
		this.events = events.stream().sorted().map(WebhookEventType::type).collect(Collectors.joining(","));
		this.secret = secret;
		this.enabled = true;
		this.createdAt = now;
	}

	public boolean subscribes(WebhookEventType type) {
		return events().contains(type);
	}

	/** The reseller turned it off on the page. */
	public void turnOff() {
		this.enabled = false;
		this.disabledReason = BY_OWNER;
	}

	/** The reseller turned it on: it starts with a clean record. */
	public void turnOn() {
		this.enabled = true;
		this.disabledReason = null;
		this.failingSince = null;
	}

	/** It answered with a 2xx. */
	void answered() {
		this.failingSince = null;
	}

	/**
	 * An attempt failed. After failing for {@code retryFor} without a single delivery it
	 * is turned off.
	 * @return whether it was turned off now
	 */
	boolean failed(Instant now, Duration retryFor) {
		if (failingSince == null) {
			failingSince = now;
		}
		if (enabled && !now.isBefore(failingSince.plus(retryFor))) {
			this.enabled = false;
			this.disabledReason = FAILING;
			return true;
		}
		return false;
	}

	public Long id() {
		return id;
	}

	public long resellerId() {
		return resellerId;
	}

	public String url() {
		return url;
	}

	public List<WebhookEventType> events() {
		return Arrays.stream(events.split(","))
			.map(type -> WebhookEventType.ofType(type).orElseThrow())
			.sorted()
			.toList();
	}

	public String secret() {
		return secret;
	}

	public boolean enabled() {
		return enabled;
	}

	public String disabledReason() {
		return disabledReason;
	}

	public Instant failingSince() {
		return failingSince;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
