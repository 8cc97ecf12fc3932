package it.rivendo.ordering;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The invoice recipient's data, as confirmed at checkout. With only a PEC address the
 * recipient code is {@code 0000000}; a foreign recipient's is {@code XXXXXXX}.
 */
@Embeddable
public record BillingDetails(@Enumerated(EnumType.STRING) CustomerType customerType, String companyName,
		String firstName, String lastName, String vatNumber, String taxCode, String street, String postalCode,
		String city, String province, String country, String sdiCode, String pec) {

	public static final String PEC_ONLY_CODE = "0000000";

	public static final String FOREIGN_CODE = "XXXXXXX";

	/** The name on the invoice. */
	public String recipientName() {
		return customerType == CustomerType.COMPANY ? companyName : firstName + " " + lastName;
	}

	public boolean foreign() {
		return !"IT".equals(country);
	}

	public String addressLine() {
		return street + ", " + postalCode + " " + city + (foreign() ? " (" + country + ")" : " (" + province + ")");
	}
}
