package it.rivendo.identity;

import java.util.Locale;

/**
 * What other modules may know about a reseller: its billing data and where to write to
 * it.
 */
public record ResellerProfile(long id, BillingAddress billing, String email, String contactName, Locale locale,
		boolean enabled) {

	public String companyName() {
		return billing.companyName();
	}
}
