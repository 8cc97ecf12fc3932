package it.rivendo.webhooks;

import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.webhooks.internal.DeliveryLog;
import it.rivendo.webhooks.internal.EndpointAddresses;
import it.rivendo.webhooks.internal.EventOutbox;
import it.rivendo.webhooks.internal.Signatures;
import it.rivendo.webhooks.internal.WebhookDeliveryRepository;
import it.rivendo.webhooks.internal.WebhookEndpoint;
import it.rivendo.webhooks.internal.WebhookEndpointRepository;
import it.rivendo.webhooks.internal.WebhookSender;
import it.rivendo.webhooks.internal.WebhooksProperties;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reseller's webhook endpoints: register (the secret shown once), turn on and off,
 * delete, the delivery log, "Invia di nuovo" and "Invia evento di prova". Another
 * reseller's endpoint or delivery is not found.
 */
@Service
public class WebhookEndpoints {

	private final WebhookEndpointRepository endpoints;

	private final WebhookDeliveryRepository deliveries;

	private final DeliveryLog log;

	private final EndpointAddresses addresses;

	private final EventOutbox outbox;

	private final WebhookSender sender;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int maxEndpoints;

	WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, DeliveryLog log,
			EndpointAddresses addresses, EventOutbox outbox, WebhookSender sender, TransactionTemplate transactions,
			Clock clock, WebhooksProperties properties) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.log = log;
		this.addresses = addresses;
		this.outbox = outbox;
		this.sender = sender;
		this.transactions = transactions;
		this.clock = clock;
		this.maxEndpoints = properties.maxEndpoints();
	}

	/**
	 * Checks a URL as registering it would.
	 * @throws Refusal {@code webhooks.url.*} saying what is wrong with it
	 */
	public void checkUrl(String url) {
		addresses.check(url);
	}

	/**
	 * Registers an endpoint, enabled, with a new secret.
	 * @throws Refusal {@code webhooks.url.*} when the URL is not one the shop posts to
	 * (not https, not public, not found), {@code webhooks.error.tooMany} past the limit
	 */
	@Transactional
	public CreatedEndpoint register(long resellerId, String url, Set<WebhookEventType> events) {
		String checked = addresses.check(url).toString();
		if (endpoints.countByResellerId(resellerId) >= maxEndpoints) {
			throw new Refusal("webhooks.error.tooMany", maxEndpoints);
		}
		String secret = Signatures.newSecret();
		WebhookEndpoint endpoint = endpoints
			.save(new WebhookEndpoint(resellerId, checked, events, secret, clock.instant()));
		return new CreatedEndpoint(endpoint.id(), secret);
	}

	@Transactional(readOnly = true)
	public List<EndpointView> endpoints(long resellerId) {
		return endpoints.findByResellerIdOrderById(resellerId).stream().map(WebhookEndpoints::view).toList();
	}

	@Transactional(readOnly = true)
	public EndpointView endpoint(long resellerId, long endpointId) {
		return view(owned(resellerId, endpointId));
	}

	/**
	 * Turns an endpoint on (with a clean record) or off (no new deliveries, none sent).
	 */
	@Transactional
	public void setEnabled(long resellerId, long endpointId, boolean enabled) {
		WebhookEndpoint endpoint = owned(resellerId, endpointId);
		if (enabled) {
			endpoint.turnOn();
		}
		else {
			endpoint.turnOff();
		}
	}

	/** Deletes an endpoint with its deliveries and their log. */
	@Transactional
	public void delete(long resellerId, long endpointId) {
		endpoints.delete(owned(resellerId, endpointId));
	}

	/** The endpoint's latest deliveries, newest first, each with its last attempt. */
	@Transactional(readOnly = true)
	public List<DeliveryView> deliveries(long resellerId, long endpointId) {
		owned(resellerId, endpointId);
		return log.latest(endpointId, 50);
	}

	/**
	 * "Invia evento di prova": a test event ({@code webhook.test}) written and sent now.
	 * @return the delivery after the attempt
	 * @throws Refusal when the endpoint is turned off
	 */
	public DeliveryView sendTest(long resellerId, long endpointId) {
		long deliveryId = transactions.execute(status -> {
			WebhookEndpoint endpoint = owned(resellerId, endpointId);
			requireEnabled(endpoint);
			return outbox.test(endpoint);
		});
		sender.sendNow(deliveryId);
		return log.one(deliveryId);
	}

	/**
	 * "Invia di nuovo": one more attempt of a delivery now, with the same
	 * {@code webhook-id} and body, whatever became of it.
	 * @return the delivery after the attempt
	 * @throws Refusal when its endpoint is turned off
	 */
	public DeliveryView sendAgain(long resellerId, long deliveryId) {
		transactions.executeWithoutResult(status -> {
			var delivery = deliveries.lockById(deliveryId)
				.orElseThrow(() -> new NotFoundException("delivery " + deliveryId));
			requireEnabled(owned(resellerId, delivery.endpointId()));
			delivery.retryNow(clock.instant());
		});
		sender.sendNow(deliveryId);
		return log.one(deliveryId);
	}

	/** The endpoint a delivery belongs to, if it is the reseller's. */
	@Transactional(readOnly = true)
	public long endpointOf(long resellerId, long deliveryId) {
		var delivery = deliveries.findById(deliveryId)
			.orElseThrow(() -> new NotFoundException("delivery " + deliveryId));
		return owned(resellerId, delivery.endpointId()).id();
	}

	private static void requireEnabled(WebhookEndpoint endpoint) {
		if (!endpoint.enabled()) {
			throw new Refusal("webhooks.error.turnedOff");
		}
	}

	private WebhookEndpoint owned(long resellerId, long endpointId) {
		return endpoints.findById(endpointId)
			.filter(endpoint -> endpoint.resellerId() == resellerId)
			.orElseThrow(() -> new NotFoundException("webhook endpoint " + endpointId));
	}

	private static EndpointView view(WebhookEndpoint endpoint) {
		return new EndpointView(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.enabled(),
				endpoint.disabledReason(), endpoint.failingSince(), endpoint.createdAt());
	}

}
