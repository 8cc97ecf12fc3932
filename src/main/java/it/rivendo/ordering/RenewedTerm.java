package it.rivendo.ordering;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an order line renews: a purchased service, for its end customer, from
 * {@code validUntil} (its expiry when the line was priced) to {@code renewedUntil}.
 */
public record RenewedTerm(long serviceId, @Nullable String customerEmail, Instant validUntil, Instant renewedUntil) {

}
