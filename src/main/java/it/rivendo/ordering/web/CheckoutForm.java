package it.rivendo.ordering.web;

import it.rivendo.identity.BillingAddress;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.shared.SecretTokens;
import it.rivendo.shared.BillingData;
import jakarta.validation.constraints.AssertTrue;

/**
 * The checkout page's form: who the invoice goes to, the confirmation, and the token that
 * makes paying idempotent.
 */
public class CheckoutForm extends BillingData {

	@AssertTrue(message = "{checkout.confirm.required}")
	private boolean confirmed;

	private boolean saveCustomer;

	private String token;

	private String expectedTotal;

	/**
	 * A form for an address book entry: CIG, CUP and the purchase order belong to one
	 * purchase and are not offered again.
	 */
	static CheckoutForm prefilledWith(BillingDetails details) {
		CheckoutForm form = filled(new CheckoutForm(), details);
		form.setCig(null);
		form.setCup(null);
		form.setOrderReference(null);
		form.setOrderDate(null);
		return form;
	}

	/** Any billing form, filled with billing data as they were confirmed. */
	static <F extends BillingData> F filled(F form, BillingDetails details) {
		form.setCustomerType(details.customerType().name());
		form.setCompanyName(details.companyName());
		form.setFirstName(details.firstName());
		form.setLastName(details.lastName());
		form.setVatNumber(details.vatNumber());
		form.setTaxCode(details.taxCode());
		form.setStreet(details.street());
		form.setPostalCode(details.postalCode());
		form.setCity(details.city());
		form.setProvince(details.province());
		form.setCountry(details.country());
		form.setSdiCode(details.sdiCode());
		form.setPec(details.pec());
		form.setSplitPayment(details.splitPayment());
		form.setCig(details.cig());
		form.setCup(details.cup());
		form.setOrderReference(details.orderReference());
		form.setOrderDate(details.orderDate() == null ? null : details.orderDate().toString());
		return form;
	}

	static CheckoutForm prefilledWith(BillingAddress own) {
		return prefilledWith(new BillingDetails(CustomerType.COMPANY, own.companyName(), null, null, own.vatNumber(),
				own.taxCode(), own.street(), own.postalCode(), own.city(), own.province(), own.country(), own.sdiCode(),
				own.pec()));
	}

	/** A fresh token for a newly shown form: 256 random bits. */
	static String newToken() {
		return SecretTokens.random(32);
	}

	/** The billing data, normalised ({@link BillingDetails#from}). */
	BillingDetails toBillingDetails() {
		return BillingDetails.from(this);
	}

	public boolean isConfirmed() {
		return confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

	public boolean isSaveCustomer() {
		return saveCustomer;
	}

	public void setSaveCustomer(boolean saveCustomer) {
		this.saveCustomer = saveCustomer;
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getExpectedTotal() {
		return expectedTotal;
	}

	public void setExpectedTotal(String expectedTotal) {
		this.expectedTotal = expectedTotal;
	}

}
