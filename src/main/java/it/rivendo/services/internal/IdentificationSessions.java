package it.rivendo.services.internal;

import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Identifications in progress, each known to the provider by a random reference. */
@Component
public class IdentificationSessions {

	private final IdentificationSessionRepository sessions;
	private final Clock clock;

	IdentificationSessions(IdentificationSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	public IdentificationSession open(PurchasedService service, String provider) {
		String reference = SecretTokens.random(32);
		return sessions.save(new IdentificationSession(reference, service.id(), provider, clock.instant()));
	}

	public Optional<IdentificationSession> find(String reference) {
		return reference == null ? Optional.empty() : sessions.findByReference(reference);
	}

	public Optional<IdentificationSession> lock(String reference) {
		return reference == null ? Optional.empty() : sessions.lockByReference(reference);
	}

	/** @return false when it had already succeeded: the answer came twice */
	public boolean complete(IdentificationSession session, boolean succeeded) {
		return session.complete(succeeded, clock.instant());
	}
}
