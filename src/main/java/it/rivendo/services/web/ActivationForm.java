package it.rivendo.services.web;

import it.rivendo.services.EndCustomer;
import it.rivendo.shared.ItalianCode;
import it.rivendo.shared.ItalianCode.Kind;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The end customer's data on the activation page, with the consents, in the page's order
 * (the error summary follows it). Each message names its field, and an empty field fails
 * one rule only (the format rules let an empty value through to "required").
 */
public class ActivationForm {

	@NotBlank(message = "{activation.firstName.required}")
	@Size(max = 100, message = "{validation.tooLong}")
	private String firstName;

	@NotBlank(message = "{activation.lastName.required}")
	@Size(max = 100, message = "{validation.tooLong}")
	private String lastName;

	@NotBlank(message = "{activation.taxCode.required}")
	@ItalianCode(Kind.PERSON_CODICE_FISCALE)
	private String taxCode;

	@NotBlank(message = "{activation.mobile.required}")
	@Pattern(regexp = "(\\+?[0-9 ]{8,20})?", message = "{validation.mobile}")
	private String mobile;

	/** Asked (and then required) only when the service is a PEC mailbox. */
	@Size(max = 254, message = "{validation.tooLong}")
	@Pattern(regexp = "\\s*([^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,})?\\s*", message = "{activation.pecAddress.invalid}")
	private String pecAddress;

	@AssertTrue(message = "{activation.privacy.required}")
	private boolean privacy;

	@AssertTrue(message = "{activation.terms.required}")
	private boolean terms;

	EndCustomer toEndCustomer() {
		return new EndCustomer(firstName, lastName, taxCode, mobile, pecAddress);
	}

	public String getFirstName() {
		return firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getTaxCode() {
		return taxCode;
	}

	public void setTaxCode(String taxCode) {
		this.taxCode = taxCode;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getPecAddress() {
		return pecAddress;
	}

	public void setPecAddress(String pecAddress) {
		this.pecAddress = pecAddress;
	}

	public boolean isPrivacy() {
		return privacy;
	}

	public void setPrivacy(boolean privacy) {
		this.privacy = privacy;
	}

	public boolean isTerms() {
		return terms;
	}

	public void setTerms(boolean terms) {
		this.terms = terms;
	}

}
