package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A purchased service became active: the end customer was identified (reported by the
 * provider or confirmed by staff). Published inside the transaction that activated it.
 * {@code validUntil} is null for a product without a term.
 */
public record ServiceActivated(long serviceId, long resellerId, String orderNumber, String productCode,
		IdentificationMode mode, String email, Instant activatedAt, @Nullable Instant validUntil) {
}
