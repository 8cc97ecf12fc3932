package it.rivendo.services.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff refuse an end customer's identification: the reason, which the reseller is told. */
public class IdentityRefuseForm {

	@NotBlank(message = "{service.error.reasonRequired}")
	@Size(max = 300, message = "{admin.identity.reason.tooLong}")
	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
