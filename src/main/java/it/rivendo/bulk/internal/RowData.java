package it.rivendo.bulk.internal;

import it.rivendo.shared.BillingData;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A row of an order file as bean validation sees it: the billing data, checked by the
 * checkout's own rules ({@link BillingData.Rules}), and the end customer's e-mail.
 */
class RowData extends BillingData {

	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	private String email;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
