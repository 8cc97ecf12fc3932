package it.rivendo.identity.web;

import it.rivendo.identity.TeamMember;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Money;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * A user's role in the team and, for an Operatore, its monthly spending limit (empty:
 * none; bound as {@link Money}, so what does not read comes back as typed) and whether it
 * sees the whole team's services.
 */
public class TeamMemberForm {

	@NotNull(message = "{team.error.role}")
	private TeamRole role;

	private Money monthlyLimit;

	private boolean seesAllServices = true;

	static TeamMemberForm of(TeamMember member) {
		TeamMemberForm form = new TeamMemberForm();
		form.setRole(member.role());
		form.setMonthlyLimit(member.monthlyLimit());
		form.setSeesAllServices(member.seesAllServices());
		return form;
	}

	@AssertTrue(message = "{team.error.limit}")
	public boolean isMonthlyLimitValid() {
		return monthlyLimit == null || monthlyLimit.amount().signum() >= 0;
	}

	public TeamRole getRole() {
		return role;
	}

	public void setRole(TeamRole role) {
		this.role = role;
	}

	public Money getMonthlyLimit() {
		return monthlyLimit;
	}

	public void setMonthlyLimit(Money monthlyLimit) {
		this.monthlyLimit = monthlyLimit;
	}

	public boolean isSeesAllServices() {
		return seesAllServices;
	}

	public void setSeesAllServices(boolean seesAllServices) {
		this.seesAllServices = seesAllServices;
	}

}
