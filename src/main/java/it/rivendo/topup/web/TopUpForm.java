package it.rivendo.topup.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** "Ricarica credito": the amount, how to pay, and the confirmation of the billing data. */
public class TopUpForm {

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\d{1,7}([.,]\\d{1,2})?", message = "{topup.error.amount}")
	private String amount;

	@NotNull(message = "{topup.error.method}")
	private it.rivendo.topup.PaymentMethod method;

	@AssertTrue(message = "{topup.error.billing}")
	private boolean billingConfirmed;

	it.rivendo.shared.Money money() {
		return it.rivendo.shared.Money.parse(amount).orElseThrow();
	}

	public String getAmount() {
		return amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public it.rivendo.topup.PaymentMethod getMethod() {
		return method;
	}

	public void setMethod(it.rivendo.topup.PaymentMethod method) {
		this.method = method;
	}

	public boolean isBillingConfirmed() {
		return billingConfirmed;
	}

	public void setBillingConfirmed(boolean billingConfirmed) {
		this.billingConfirmed = billingConfirmed;
	}
}
