package it.rivendo.cart;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a renewal line in the cart renews: a purchased service, for its end customer, from
 * its current expiry ({@code validUntil}) to {@code renewedUntil}. The services module
 * hands it over; the payment renews the service only if it still expires on
 * {@code validUntil}.
 */
public record Renewal(long serviceId, @Nullable String customerEmail, Instant validUntil, Instant renewedUntil) {

	public Renewal {
		if (!renewedUntil.isAfter(validUntil)) {
			throw new IllegalArgumentException("A renewal extends the expiry: " + validUntil + " → " + renewedUntil);
		}
	}

}
