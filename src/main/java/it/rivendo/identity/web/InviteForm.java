package it.rivendo.identity.web;

import it.rivendo.identity.Team;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Invita un utente": who, and its role as a {@link TeamMemberForm} has it. */
public class InviteForm extends TeamMemberForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String displayName;

	@NotBlank(message = "{validation.required}")
	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	private String email;

	Team.Invitation toInvitation() {
		return new Team.Invitation(email, displayName, getRole(), getMonthlyLimit(), isSeesAllServices());
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? null : email.strip();
	}

}
