package it.rivendo.admin.web;

import jakarta.validation.constraints.Size;

/**
 * Staff fix a reseller's tier by hand, with the reason, or let it follow the top-ups
 * again (no tier, no reason needed).
 */
public class PinTierForm {

	private String tier;

	@Size(max = 300, message = "{validation.tooLong}")
	private String reason;

	public PinTierForm() {
	}

	PinTierForm(String tier) {
		this.tier = tier;
	}

	/** Whether a tier is chosen, rather than following the top-ups. */
	boolean pins() {
		return tier != null && !tier.isBlank();
	}

	public String getTier() {
		return tier;
	}

	public void setTier(String tier) {
		this.tier = tier;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
