package it.rivendo.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can subscribe to; {@link #type()} is the name integrators see. */
public enum WebhookEventType {

	ORDER_PAID("order.paid"), SERVICE_ASSOCIATED("service.associated"), SERVICE_ACTIVATED("service.activated"),
	SERVICE_EXPIRING("service.expiring"), SERVICE_EXPIRED("service.expired"), TOPUP_CREDITED("topup.credited");

	private final String type;

	WebhookEventType(String type) {
		this.type = type;
	}

	/** The event's name in the payload and on the page, e.g. {@code order.paid}. */
	public String type() {
		return type;
	}

	public String messageKey() {
		return "webhooks.event." + type;
	}

	public static Optional<WebhookEventType> ofType(String type) {
		return Arrays.stream(values()).filter(value -> value.type.equals(type)).findFirst();
	}

}
