package it.rivendo.credit.web;

import it.rivendo.credit.PaymentMethod;
import it.rivendo.shared.Money;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * "Ricarica credito": the amount (bound as {@link Money}: anything else comes back next
 * to the field, as typed), how to pay, and the confirmation of the billing data.
 */
public class TopUpForm {

	@NotNull(message = "{validation.required}")
	private Money amount;

	@NotNull(message = "{topup.error.method}")
	private PaymentMethod method;

	@AssertTrue(message = "{topup.error.billing}")
	private boolean billingConfirmed;

	/**
	 * Where to go back once paid ({@link TopUpReturn}): only known pages are followed.
	 */
	private String returnTo;

	public Money getAmount() {
		return amount;
	}

	public void setAmount(Money amount) {
		this.amount = amount;
	}

	public PaymentMethod getMethod() {
		return method;
	}

	public void setMethod(PaymentMethod method) {
		this.method = method;
	}

	public boolean isBillingConfirmed() {
		return billingConfirmed;
	}

	public void setBillingConfirmed(boolean billingConfirmed) {
		this.billingConfirmed = billingConfirmed;
	}

	public String getReturnTo() {
		return returnTo;
	}

	public void setReturnTo(String returnTo) {
		this.returnTo = returnTo;
	}

}
