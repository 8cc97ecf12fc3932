package it.rivendo.ordering;

import it.rivendo.shared.BillingData;
import it.rivendo.shared.ItalianCodes;
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

	/**
	 * The billing data as typed (and checked by {@link BillingData.Rules}), normalised:
	 * codes upper-cased, the SDI code filled in for PEC-only and foreign recipients, only
	 * the fields of the customer's type kept.
	 */
	public static BillingDetails from(BillingData typed) {
		boolean company = typed.isCompany();
		boolean italian = typed.isItalian();
		String sdi = ItalianCodes.normalize(typed.getSdiCode());
		if (!italian) {
			sdi = FOREIGN_CODE;
		}
		else if (sdi.isEmpty()) {
			sdi = PEC_ONLY_CODE;
		}
		return new BillingDetails(company ? CustomerType.COMPANY : CustomerType.PERSON,
				company ? BillingData.blankToNull(typed.getCompanyName()) : null,
				company ? null : BillingData.blankToNull(typed.getFirstName()),
				company ? null : BillingData.blankToNull(typed.getLastName()),
				company ? BillingData
					.blankToNull(italian ? ItalianCodes.normalize(typed.getVatNumber()) : typed.getVatNumber()) : null,
				BillingData.blankToNull(ItalianCodes.normalize(typed.getTaxCode())), typed.getStreet().strip(),
				typed.getPostalCode().strip(), typed.getCity().strip(),
				italian ? BillingData.upper(typed.getProvince()) : "EE", BillingData.upper(typed.getCountry()), sdi,
				BillingData.blankToNull(typed.getPec()));
	}

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
