package it.rivendo.services.internal;

import it.rivendo.services.ServiceActivated;
import it.rivendo.services.ServiceAssociated;
import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a service's history and its e-mails; the one place that knows "now" for the
 * services module. A history entry that links a service to an e-mail or activates it also
 * publishes {@link ServiceAssociated} or {@link ServiceActivated}, in the same
 * transaction, so the events say exactly what the history says.
 */
@Component
public class ServiceLog {

	private final ServiceEventRepository events;

	private final ServiceMails mails;

	private final ActivationTokenRepository tokens;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	ServiceLog(ServiceEventRepository events, ServiceMails mails, ActivationTokenRepository tokens, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.events = events;
		this.mails = mails;
		this.tokens = tokens;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public void record(PurchasedService service, ServiceEvent.Kind kind, String detail, String actor) {
		Instant now = clock.instant();
		events.save(new ServiceEvent(service.id(), kind, detail, actor, now));
		switch (kind) {
			case ASSOCIATED, EMAIL_CHANGED ->
				publisher.publishEvent(new ServiceAssociated(service.id(), service.resellerId(), service.orderNumber(),
						service.productCode(), service.mode(), service.customerEmail(), now));
			case ACTIVATED -> publisher.publishEvent(new ServiceActivated(service.id(), service.resellerId(),
					service.orderNumber(), service.productCode(), service.mode(), service.customerEmail(),
					service.activatedAt(), service.validUntil()));
			default -> {
			}
		}
	}

	public void sendActivationLink(PurchasedService service, String token) {
		Instant expires = tokens.findByTokenHash(SecretTokens.sha256Hex(token)).orElseThrow().expiresAt();
		mails.activationLink(service, token, expires);
	}

	public void sendActivated(PurchasedService service) {
		mails.activated(service);
	}

	public void sendIdentificationRefused(PurchasedService service, String reason) {
		mails.identificationRefused(service, reason);
	}

}
