package it.rivendo.credit.web;

import it.rivendo.shared.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction of a reseller's credit by staff: a signed amount (negative takes away) and
 * the reason. The amount is bound as {@link Money}, so anything but an amount as people
 * type it comes back next to the field, as typed.
 */
public class AdjustmentForm {

	@NotNull(message = "{validation.required}")
	private Money amount;

	@NotBlank(message = "{validation.required}")
	@Size(max = 300, message = "{validation.tooLong}")
	private String reason;

	public Money getAmount() {
		return amount;
	}

	public void setAmount(Money amount) {
		this.amount = amount;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
