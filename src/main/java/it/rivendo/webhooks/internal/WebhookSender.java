package it.rivendo.webhooks.internal;

import it.rivendo.shared.Refusal;
import it.rivendo.webhooks.internal.DeliveryQueue.Claim;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries (a scheduled job, watched by {@code ops.ScheduledJobs}; safe on
 * several instances, see {@link DeliveryQueue}). Each attempt posts the stored body with
 * the Standard Webhooks headers: {@code webhook-id} (the same on every attempt),
 * {@code webhook-timestamp} (this attempt's, in seconds) and {@code webhook-signature}.
 * The address is checked again first ({@link EndpointAddresses}); redirects are not
 * followed; a 2xx answer is a delivery, anything else (another status, a timeout, no
 * connection) a failure retried later. An endpoint failing for the whole retry time is
 * turned off and its owner told by e-mail.
 */
@Component
public class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final int BATCH = 20;

	private final DeliveryQueue queue;

	private final WebhookDeliveryRepository deliveries;

	private final WebhookEndpointRepository endpoints;

	private final WebhookAttemptRepository attempts;

	private final EndpointAddresses addresses;

	private final WebhookMails mails;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retryFor;

	private final Duration readTimeout;

	private final HttpClient http;

	WebhookSender(DeliveryQueue queue, WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
			WebhookAttemptRepository attempts, EndpointAddresses addresses, WebhookMails mails,
			TransactionTemplate transactions, Clock clock, WebhooksProperties properties) {
		this.queue = queue;
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.attempts = attempts;
		this.addresses = addresses;
		this.mails = mails;
		this.transactions = transactions;
		this.clock = clock;
		this.retryFor = properties.retryFor();
		this.readTimeout = properties.readTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${rivendo.webhooks.sender.interval:5s}", initialDelayString = "10s")
	void run() {
		sendDue();
	}

	/** Sends what is due now, batch after batch; answers how many attempts were made. */
	public int sendDue() {
		int made = 0;
		while (true) {
			List<Claim> batch = queue.claimDue(clock.instant(), BATCH);
			if (batch.isEmpty()) {
				return made;
			}
			batch.forEach(this::attempt);
			made += batch.size();
		}
	}

	/**
	 * Sends one delivery now, if it is due and nobody else is sending it.
	 * @return whether an attempt was made
	 */
	public boolean sendNow(long deliveryId) {
		List<Claim> claim = queue.claimOne(deliveryId, clock.instant());
		claim.forEach(this::attempt);
		return !claim.isEmpty();
	}

	private void attempt(Claim claim) {
		Instant started = clock.instant();
		long startedNanos = System.nanoTime();
		Integer statusCode = null;
		String error = null;
		try {
			URI uri = addresses.check(claim.url());
			statusCode = post(uri, claim, started.getEpochSecond());
			if (statusCode / 100 != 2) {
				error = "HTTP " + statusCode;
			}
		}
		catch (Refusal refused) {
			error = "address refused: " + refused.messageKey();
		}
		catch (HttpTimeoutException ex) {
			error = "timeout";
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		int latencyMs = (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
		Integer answered = statusCode;
		String failure = error;
		transactions.executeWithoutResult(status -> record(claim, started, answered, latencyMs, failure));
	}

	private int post(URI uri, Claim claim, long timestamp) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Rivendo-Webhooks/1")
			.header("webhook-id", claim.messageId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", Signatures.sign(claim.secret(), claim.messageId(), timestamp, claim.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(claim.payload()))
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			// the answer's body is not read: only its status counts
		}
		return response.statusCode();
	}

	private void record(Claim claim, Instant started, Integer statusCode, int latencyMs, String error) {
		attempts.save(new WebhookAttempt(claim.deliveryId(), claim.attempt(), started, statusCode, latencyMs, error));
		WebhookDelivery delivery = deliveries.lockById(claim.deliveryId()).orElse(null);
		if (delivery == null || delivery.attempts() != claim.attempt()
				|| delivery.status() != WebhookDelivery.Status.PENDING) {
			return; // deleted, or claimed again since (the lease ran out): that attempt
					// decides
		}
		WebhookEndpoint endpoint = endpoints.lockById(claim.endpointId()).orElseThrow();
		Instant now = clock.instant();
		if (error == null) {
			delivery.delivered(now);
			endpoint.answered();
			return;
		}
		log.info("Webhook {} to endpoint {} not delivered (attempt {}): {}", claim.messageId(), claim.endpointId(),
				claim.attempt(), error);
		delivery.failed(now, retryFor);
		if (endpoint.failed(now, retryFor)) {
			deliveries.abandonPending(endpoint.id());
			log.warn("Webhook endpoint {} of reseller {} turned off: failing since {}", endpoint.id(),
					endpoint.resellerId(), endpoint.failingSince());
			mails.endpointTurnedOff(endpoint);
		}
	}

}
