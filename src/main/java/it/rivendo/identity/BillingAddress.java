package it.rivendo.identity;

/** A reseller's own registered billing data. */
public record BillingAddress(String companyName, String vatNumber, String taxCode, String street, String postalCode,
		String city, String province, String country, String sdiCode, String pec) {
}
