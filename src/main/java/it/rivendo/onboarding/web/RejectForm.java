package it.rivendo.onboarding.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff reject an application: the reason, which the applicant is told. */
public class RejectForm {

	@NotBlank(message = "{apply.error.reason}")
	@Size(max = 500, message = "{validation.tooLong}")
	private String reason;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
