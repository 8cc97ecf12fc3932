package it.rivendo.services.internal;

import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Writes a service's history and its e-mails; the one place that knows "now" for the
 * services module.
 */
@Component
public class ServiceLog {

	private final ServiceEventRepository events;

	private final ServiceMails mails;

	private final ActivationTokenRepository tokens;

	private final Clock clock;

	ServiceLog(ServiceEventRepository events, ServiceMails mails, ActivationTokenRepository tokens, Clock clock) {
		this.events = events;
		this.mails = mails;
		this.tokens = tokens;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public void record(PurchasedService service, ServiceEvent.Kind kind, String detail, String actor) {
		events.save(new ServiceEvent(service.id(), kind, detail, actor, clock.instant()));
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
