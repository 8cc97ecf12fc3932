package it.rivendo.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The address a new password link is asked for. */
public class ForgotPasswordForm {

	@NotBlank(message = "{validation.required}")
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
