package it.rivendo.onboarding.web;

import it.rivendo.shared.Money;
import jakarta.validation.constraints.NotBlank;

/**
 * Staff approve an application: the discount tier the new reseller starts in, and an
 * optional opening credit, bound as {@link Money} (anything but an amount comes back next
 * to the field, as typed).
 */
public class ApproveForm {

	@NotBlank(message = "{validation.required}")
	private String tier;

	private Money openingCredit;

	/** The opening credit, none when left empty. */
	Money credit() {
		return openingCredit == null ? Money.ZERO : openingCredit;
	}

	public String getTier() {
		return tier;
	}

	public void setTier(String tier) {
		this.tier = tier;
	}

	public Money getOpeningCredit() {
		return openingCredit;
	}

	public void setOpeningCredit(Money openingCredit) {
		this.openingCredit = openingCredit;
	}

}
