package it.rivendo.admin.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Staff switch a reseller's account on or off, always with the reason (it goes into the
 * audit trail).
 */
public class EnableForm {

	@NotBlank(message = "{admin.reseller.reasonRequired}")
	@Size(max = 300, message = "{validation.tooLong}")
	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
