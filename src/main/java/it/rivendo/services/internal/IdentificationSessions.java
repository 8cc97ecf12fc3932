package it.rivendo.services.internal;

import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Identifications in progress, each known to the provider by a random reference. */
@Component
public class IdentificationSessions {

	/**
	 * Stands for the provider when there is none: staff confirm the identification by
	 * hand.
	 */
	public static final String STAFF = "staff";

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

	/** The identification staff are checking for this service, if any. */
	public Optional<IdentificationSession> lockStaffCheck(long serviceId) {
		return sessions.lockStarted(serviceId, STAFF);
	}

	/**
	 * @return false when it had already succeeded: the answer came twice
	 */
	public boolean complete(IdentificationSession session, boolean succeeded) {
		return session.complete(succeeded, clock.instant());
	}

}
