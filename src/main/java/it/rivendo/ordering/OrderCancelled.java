package it.rivendo.ordering;

import it.rivendo.shared.Money;
import java.time.Instant;

/**
 * Staff cancelled a paid order and its total went back to the reseller's credit.
 * Published inside the cancelling transaction: listeners that write (services annulled,
 * the credit note) commit or roll back with it.
 */
public record OrderCancelled(long orderId, String number, long resellerId, Money refunded, String reason, String actor,
		Instant cancelledAt) {
}
