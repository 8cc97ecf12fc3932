package it.rivendo.ordering;

import java.time.Instant;

/**
 * A reseller corrected the billing data of an order whose invoice was rejected: the
 * documents of the order are to be sent again with them. A listener that finds nothing it
 * may send again refuses ({@code shared.Refusal}), and nothing changes.
 */
public record OrderBillingCorrected(long orderId, String number, long resellerId, BillingDetails billing, String actor,
		Instant correctedAt) {
}
