package it.rivendo.services;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A running service crossed a renewal reminder threshold today: 90, 30 or 7 days before
 * its expiry ({@code threshold}), and the reseller is being told. Published once per
 * service, expiry and threshold (the day the reminder is recorded), inside the reminder
 * job's transaction: a listener that writes (a webhook delivery) commits or rolls back
 * with the reminder. A renewal moves {@code validUntil}, and the next term gets its own.
 *
 * @param daysLeft calendar days (Italy's time zone) from today to {@code validUntil}; at
 * most {@code threshold}, less when the job had not run for some days
 * @param customerEmail the end customer it is associated to, if any
 * @param autoRenew whether "Rinnovo automatico" is on
 */
public record ServiceExpiring(long serviceId, long resellerId, String productCode, @Nullable String customerEmail,
		Instant validUntil, int threshold, long daysLeft, boolean autoRenew, Instant occurredAt) {
}
