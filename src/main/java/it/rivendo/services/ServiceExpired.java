package it.rivendo.services;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service's term ended (its expiry day came) without a renewal, and the reseller is
 * being told. Published once per service and expiry, inside the reminder job's
 * transaction, on the expiry day (or within a week after it, when the job had not run).
 * If it is renewed later in its grace days, its next term gets its own events.
 *
 * @param renewableUntil the last instant it can still be renewed (its grace days after
 * the expiry), equal to {@code validUntil} when it has none
 */
public record ServiceExpired(long serviceId, long resellerId, String productCode, @Nullable String customerEmail,
		Instant validUntil, Instant renewableUntil, Instant occurredAt) {
}
