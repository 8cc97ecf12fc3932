package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import java.time.Instant;

/**
 * What the end customer's activation page shows about the service behind their link: the
 * product and its family (a PEC mailbox asks for the address the customer wants); whether
 * the identification is a simulation (the demo), or is checked by staff (no
 * identification provider).
 */
public record ActivationPage(String productCode, LocalizedText productName, String familyCode, IdentificationMode mode,
		String email, String resellerName, Instant activationDeadline, boolean demoIdentification,
		boolean checkedByStaff) {

	/** The family of PEC mailboxes: their activation asks for the address to open. */
	public static final String PEC_FAMILY = "PEC";

	public boolean asksPecAddress() {
		return PEC_FAMILY.equals(familyCode);
	}

}
