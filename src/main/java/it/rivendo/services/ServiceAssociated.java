package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import java.time.Instant;

/**
 * A purchased service was linked to an end customer's e-mail (for the first time, or
 * moved to another e-mail before activation started). Published inside the transaction
 * that linked it.
 */
public record ServiceAssociated(long serviceId, long resellerId, String orderNumber, String productCode,
		IdentificationMode mode, String email, Instant associatedAt) {
}
