package it.rivendo.onboarding.web;

import it.rivendo.identity.BillingAddress;
import it.rivendo.shared.ItalianCodes;
import it.rivendo.shared.BillingData;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A company's application: its billing data (checked as at checkout), the contact person,
 * and the terms.
 */
public class ApplicationForm extends BillingData {

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String contactName;

	@NotBlank(message = "{validation.required}")
	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	private String email;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\+?[0-9 ]{6,20}", message = "{validation.phone}")
	private String phone;

	@AssertTrue(message = "{apply.terms.required}")
	private boolean termsAccepted;

	public ApplicationForm() {
		setCustomerType(COMPANY);
	}

	BillingAddress toBillingAddress() {
		boolean italian = isItalian();
		String sdi = ItalianCodes.normalize(getSdiCode());
		return new BillingAddress(getCompanyName().strip(),
				italian ? ItalianCodes.normalize(getVatNumber()) : getVatNumber().strip(),
				blankToNull(ItalianCodes.normalize(getTaxCode())), getStreet().strip(), getPostalCode().strip(),
				getCity().strip(), italian ? upper(getProvince()) : "EE", upper(getCountry()),
				!italian ? "XXXXXXX" : sdi.isEmpty() ? "0000000" : sdi, blankToNull(getPec()));
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public boolean isTermsAccepted() {
		return termsAccepted;
	}

	public void setTermsAccepted(boolean termsAccepted) {
		this.termsAccepted = termsAccepted;
	}

	@Override
	public void setCustomerType(String customerType) {
		super.setCustomerType(COMPANY); // only companies and professionals become
										// resellers
	}

}
