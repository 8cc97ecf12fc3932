package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import java.time.Instant;

/**
 * What the end customer's activation page shows about the service behind their link;
 * whether the identification is a simulation (the demo), or is checked by staff (no
 * identification provider).
 */
public record ActivationPage(String productCode, LocalizedText productName, IdentificationMode mode, String email,
		String resellerName, Instant activationDeadline, boolean demoIdentification, boolean checkedByStaff) {
}
