package it.rivendo.services;

import java.time.Instant;

/**
 * When a service can be renewed: from {@code opens} (its renewal window's days before the
 * expiry) to {@code closes} (its grace days after it), both included.
 */
public record RenewalWindow(Instant opens, Instant closes) {

	public boolean contains(Instant now) {
		return !now.isBefore(opens) && !now.isAfter(closes);
	}

}
