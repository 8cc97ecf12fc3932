package it.rivendo.services.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reason staff give: for refusing an identification (the reseller is told it) or
 * revoking a service.
 */
public class ReasonForm {

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
