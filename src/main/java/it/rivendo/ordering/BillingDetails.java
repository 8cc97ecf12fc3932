package it.rivendo.ordering;

import it.rivendo.shared.BillingData;
import it.rivendo.shared.ItalianCodes;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * The invoice recipient's data, as confirmed at checkout. With only a PEC address the
 * recipient code is {@code 0000000}; a foreign recipient's is {@code XXXXXXX}; a public
 * administration's is its 6-character office code.
 *
 * @param splitPayment a public administration that pays the VAT to the State itself
 * (scissione dei pagamenti, art. 17-ter DPR 633/72)
 * @param cig the purchase's codice identificativo di gara, if any (public
 * administrations)
 * @param cup the purchase's codice unico di progetto, if any (public administrations)
 * @param orderReference the number of the recipient's purchase order, if any (public
 * administrations)
 * @param orderDate the date of that purchase order, if given
 */
@Embeddable
public record BillingDetails(@Enumerated(EnumType.STRING) CustomerType customerType, String companyName,
		String firstName, String lastName, String vatNumber, String taxCode, String street, String postalCode,
		String city, String province, String country, String sdiCode, String pec, boolean splitPayment, String cig,
		String cup, String orderReference, LocalDate orderDate) {

	/** A company's or a person's data: none of a public administration's. */
	public BillingDetails(CustomerType customerType, String companyName, String firstName, String lastName,
			String vatNumber, String taxCode, String street, String postalCode, String city, String province,
			String country, String sdiCode, String pec) {
		this(customerType, companyName, firstName, lastName, vatNumber, taxCode, street, postalCode, city, province,
				country, sdiCode, pec, false, null, null, null, null);
	}

	public static final String PEC_ONLY_CODE = "0000000";

	public static final String FOREIGN_CODE = "XXXXXXX";

	/**
	 * The billing data as typed (and checked by {@link BillingData.Rules}), normalised:
	 * codes upper-cased, the SDI code filled in for PEC-only and foreign recipients, only
	 * the fields of the customer's type kept.
	 */
	public static BillingDetails from(BillingData typed) {
		boolean company = typed.isCompany();
		boolean pa = typed.isPublic();
		boolean italian = typed.isItalian();
		String sdi = ItalianCodes.normalize(typed.getSdiCode());
		if (!italian) {
			sdi = FOREIGN_CODE;
		}
		else if (sdi.isEmpty()) {
			sdi = PEC_ONLY_CODE;
		}
		return new BillingDetails(pa ? CustomerType.PUBLIC : company ? CustomerType.COMPANY : CustomerType.PERSON,
				company ? BillingData.blankToNull(typed.getCompanyName()) : null,
				company ? null : BillingData.blankToNull(typed.getFirstName()),
				company ? null : BillingData.blankToNull(typed.getLastName()),
				company ? BillingData
					.blankToNull(italian ? ItalianCodes.normalize(typed.getVatNumber()) : typed.getVatNumber()) : null,
				BillingData.blankToNull(ItalianCodes.normalize(typed.getTaxCode())), typed.getStreet().strip(),
				typed.getPostalCode().strip(), typed.getCity().strip(),
				italian ? BillingData.upper(typed.getProvince()) : "EE", BillingData.upper(typed.getCountry()), sdi,
				BillingData.blankToNull(typed.getPec()), pa && typed.isSplitPayment(),
				pa ? BillingData.blankToNull(ItalianCodes.normalize(typed.getCig())) : null,
				pa ? BillingData.blankToNull(ItalianCodes.normalize(typed.getCup())) : null,
				pa ? BillingData.blankToNull(typed.getOrderReference()) : null, pa ? typed.orderDay() : null);
	}

	public boolean publicAdministration() {
		return customerType == CustomerType.PUBLIC;
	}

	/** The name on the invoice. */
	public String recipientName() {
		return customerType == CustomerType.PERSON ? firstName + " " + lastName : companyName;
	}

	public boolean foreign() {
		return !"IT".equals(country);
	}

	public String addressLine() {
		return street + ", " + postalCode + " " + city + (foreign() ? " (" + country + ")" : " (" + province + ")");
	}
}
