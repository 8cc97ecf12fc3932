package it.rivendo.webhooks.internal;

import it.rivendo.credit.TopUpRecorded;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.services.ServiceActivated;
import it.rivendo.services.ServiceAssociated;
import it.rivendo.services.ServiceExpired;
import it.rivendo.services.ServiceExpiring;
import it.rivendo.shared.Money;
import it.rivendo.webhooks.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the shop's events into deliveries, one per enabled endpoint of the reseller that
 * subscribes to the event, written in the event's own transaction (plain
 * {@code @EventListener}s): a rolled-back order delivers nothing, a committed one is
 * delivered even if the instance stops right after. Run twice for the same event, it
 * writes nothing more ({@code webhook_delivery_event_uk}). The body follows the Standard
 * Webhooks shape, {@code {"type", "timestamp", "data"}}, amounts as strings with two
 * decimals.
 */
@Component
public class EventOutbox {

	/** The type of "Invia evento di prova", which every endpoint receives. */
	public static final String TEST_TYPE = "webhook.test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebhookEndpointRepository endpoints;

	private final WebhookDeliveryRepository deliveries;

	private final Clock clock;

	EventOutbox(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(OrderPlaced order) {
		List<Map<String, Object>> lines = order.lines().stream().map(line -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("product_code", line.productCode());
			fields.put("mode", line.mode().name());
			fields.put("quantity", line.quantity());
			fields.put("unit_net_price", amount(line.unitNetPrice()));
			fields.put("renews_service_id", line.renewsServiceId());
			return fields;
		}).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("order_number", order.number());
		data.put("placed_at", order.placedAt().toString());
		data.put("total", amount(order.total()));
		data.put("balance_after", amount(order.balanceAfter()));
		data.put("lines", lines);
		write(order.resellerId(), WebhookEventType.ORDER_PAID, order.number(), order.placedAt(), data);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(TopUpRecorded topUp) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reference", topUp.reference());
		data.put("amount", amount(topUp.amount()));
		data.put("credited_at", topUp.recordedAt().toString());
		write(topUp.resellerId(), WebhookEventType.TOPUP_CREDITED, Long.toString(topUp.entryId()), topUp.recordedAt(),
				data);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ServiceAssociated associated) {
		Map<String, Object> data = service(associated.serviceId(), associated.orderNumber(), associated.productCode(),
				associated.mode().name(), associated.email());
		data.put("associated_at", associated.associatedAt().toString());
		// a service can be moved to another e-mail: one event per e-mail and time
		write(associated.resellerId(), WebhookEventType.SERVICE_ASSOCIATED,
				associated.serviceId() + ":" + associated.email() + ":" + associated.associatedAt().toEpochMilli(),
				associated.associatedAt(), data);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ServiceActivated activated) {
		Map<String, Object> data = service(activated.serviceId(), activated.orderNumber(), activated.productCode(),
				activated.mode().name(), activated.email());
		data.put("activated_at", activated.activatedAt().toString());
		data.put("valid_until", activated.validUntil() == null ? null : activated.validUntil().toString());
		write(activated.resellerId(), WebhookEventType.SERVICE_ACTIVATED, Long.toString(activated.serviceId()),
				activated.activatedAt(), data);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ServiceExpiring expiring) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("service_id", expiring.serviceId());
		data.put("product_code", expiring.productCode());
		data.put("email", expiring.customerEmail());
		data.put("valid_until", expiring.validUntil().toString());
		data.put("days_left", expiring.daysLeft());
		data.put("threshold_days", expiring.threshold());
		data.put("auto_renew", expiring.autoRenew());
		write(expiring.resellerId(), WebhookEventType.SERVICE_EXPIRING,
				expiring.serviceId() + ":" + expiring.validUntil().toEpochMilli() + ":" + expiring.threshold(),
				expiring.occurredAt(), data);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ServiceExpired expired) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("service_id", expired.serviceId());
		data.put("product_code", expired.productCode());
		data.put("email", expired.customerEmail());
		data.put("valid_until", expired.validUntil().toString());
		data.put("renewable_until", expired.renewableUntil().toString());
		write(expired.resellerId(), WebhookEventType.SERVICE_EXPIRED,
				expired.serviceId() + ":" + expired.validUntil().toEpochMilli(), expired.occurredAt(), data);
	}

	/**
	 * A test event for one endpoint ("Invia evento di prova").
	 * @return the delivery's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long test(WebhookEndpoint endpoint) {
		Instant now = clock.instant();
		String key = "test:" + Signatures.newMessageId();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpoint_id", endpoint.id());
		data.put("message", "Evento di prova inviato da Rivendo / Test event sent by Rivendo");
		deliveries.insertOnce(endpoint.id(), Signatures.newMessageId(), TEST_TYPE, key, body(TEST_TYPE, now, data),
				now);
		return deliveries.findByEndpointIdAndEventKey(endpoint.id(), key).orElseThrow().id();
	}

	private static Map<String, Object> service(long id, String orderNumber, String productCode, String mode,
			@Nullable String email) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("service_id", id);
		data.put("order_number", orderNumber);
		data.put("product_code", productCode);
		data.put("mode", mode);
		data.put("email", email);
		return data;
	}

	private void write(long resellerId, WebhookEventType type, String key, Instant at, Map<String, Object> data) {
		List<WebhookEndpoint> subscribed = endpoints.findByResellerIdAndEnabledTrue(resellerId)
			.stream()
			.filter(endpoint -> endpoint.subscribes(type))
			.toList();
		if (subscribed.isEmpty()) {
			return;
		}
		String body = body(type.type(), at, data);
		Instant now = clock.instant();
		for (WebhookEndpoint endpoint : subscribed) {
			deliveries.insertOnce(endpoint.id(), Signatures.newMessageId(), type.type(), type.type() + ":" + key, body,
					now);
		}
	}

	private static String body(String type, Instant at, Map<String, Object> data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", type);
		payload.put("timestamp", at.toString());
		payload.put("data", data);
		return JSON.writeValueAsString(payload);
	}

	private static String amount(Money money) {
		return money.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

}
