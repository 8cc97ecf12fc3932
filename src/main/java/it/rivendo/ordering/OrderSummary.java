package it.rivendo.ordering;

import it.rivendo.shared.Money;
import java.time.Instant;

/**
 * A row of the reseller's order history.
 *
 * @param placedByName the name of the team's user who placed it; null for the shop's own
 * orders (automatic renewals), the partner API's and those from before teams
 */
public record OrderSummary(String number, Instant createdAt, Money total, String status, int items,
		String recipientName, String placedByName) {
}
