package it.rivendo.ordering;

import it.rivendo.shared.Money;
import java.time.Instant;

/** A row of the reseller's order history. */
public record OrderSummary(String number, Instant createdAt, Money total, String status, int items,
		String recipientName) {
}
