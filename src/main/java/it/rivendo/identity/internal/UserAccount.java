package it.rivendo.identity.internal;

import it.rivendo.identity.Role;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.identity.TeamStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import java.time.Instant;
import java.util.Locale;

@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	private String displayName;

	@Enumerated(EnumType.STRING)
	private Role role;

	/** A reseller's user's role in its team; null for staff. */
	@Enumerated(EnumType.STRING)
	private TeamRole teamRole;

	private Long resellerId;

	private boolean enabled = true;

	private String preferredLocale = "it";

	/** When the owner last chose the password; null while the account waits for it. */
	private Instant passwordChosenAt;

	/** ACTIVE, DISABLED or REMOVED by the Titolare (issue 17). */
	@Enumerated(EnumType.STRING)
	private TeamStatus teamStatus = TeamStatus.ACTIVE;

	/** An Operatore's monthly spending limit; null: none. */
	private Money monthlyLimit;

	private boolean seesAllServices = true;

	/** A Titolare's choice: a copy of the e-mails about what its team's users did. */
	private boolean teamCopies = true;

	private Instant lastLoginAt;

	private Instant removedAt;

	protected UserAccount() {
	}

	private UserAccount(String email, String passwordHash, String displayName, Role role, TeamRole teamRole,
			Long resellerId, String locale) {
		this.email = email.trim().toLowerCase(Locale.ROOT);
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.teamRole = teamRole;
		this.resellerId = resellerId;
		this.preferredLocale = locale == null ? "it" : locale;
	}

	/** A reseller's first login: its Titolare. */
	public static UserAccount reseller(String email, String passwordHash, String displayName, long resellerId,
			String locale) {
		return member(email, passwordHash, displayName, resellerId, TeamRole.OWNER, locale);
	}

	/** A user of a reseller's team. */
	public static UserAccount member(String email, String passwordHash, String displayName, long resellerId,
			TeamRole teamRole, String locale) {
		return new UserAccount(email, passwordHash, displayName, Role.RESELLER, teamRole, resellerId, locale);
	}

	public static UserAccount staff(String email, String passwordHash, String displayName) {
		return new UserAccount(email, passwordHash, displayName, Role.STAFF, null, null, "it");
	}

	/**
	 * @param resellerEnabled whether the reseller it acts for (if any) is enabled
	 */
	public ShopUser toShopUser(boolean resellerEnabled) {
		return new ShopUser(id, resellerId, email, displayName, role, teamRole,
				enabled && teamStatus == TeamStatus.ACTIVE && resellerEnabled, passwordHash);
	}

	public Long resellerId() {
		return resellerId;
	}

	/** The password its owner chose, at that moment. */
	public void changePassword(String newHash, Instant chosenAt) {
		this.passwordHash = newHash;
		this.passwordChosenAt = chosenAt;
	}

	public void enable(boolean enabled) {
		this.enabled = enabled;
	}

	public void preferLocale(String language) {
		this.preferredLocale = language;
	}

	/**
	 * The Titolare's changes to a user of the team. An Operatore's limit and visibility;
	 * the others have no limit and see everything.
	 */
	public void assign(TeamRole role, Money limit, boolean seesAll) {
		requireMember();
		this.teamRole = role;
		this.monthlyLimit = role == TeamRole.OPERATOR ? limit : null;
		this.seesAllServices = role != TeamRole.OPERATOR || seesAll;
	}

	public void disableInTeam() {
		requireMember();
		this.teamStatus = TeamStatus.DISABLED;
	}

	public void enableInTeam() {
		requireMember();
		this.teamStatus = TeamStatus.ACTIVE;
	}

	/** Removed for good: it signs in no more, its name stays in what it did. */
	public void removeFromTeam(Instant at) {
		requireMember();
		this.teamStatus = TeamStatus.REMOVED;
		this.removedAt = at;
	}

	/**
	 * A removed user gives its e-mail up, so that it can be invited again as a new user
	 * (of this team or another); its name stays on what it did.
	 */
	public void releaseEmail() {
		if (teamStatus != TeamStatus.REMOVED) {
			throw new IllegalStateException("Only a removed user gives its e-mail up");
		}
		this.email = "removed-" + id + "@removed.invalid";
	}

	private void requireMember() {
		if (teamStatus == TeamStatus.REMOVED) {
			throw new Refusal("team.removed");
		}
	}

	public boolean isActiveOwner() {
		return teamRole == TeamRole.OWNER && teamStatus == TeamStatus.ACTIVE;
	}

	public Instant lastLoginAt() {
		return lastLoginAt;
	}

	public TeamStatus teamStatus() {
		return teamStatus;
	}

	public Money monthlyLimit() {
		return monthlyLimit;
	}

	public boolean seesAllServices() {
		return seesAllServices;
	}

	/** Whether this user, as a Titolare, wants a copy of its team's users' e-mails. */
	public boolean teamCopies() {
		return teamCopies;
	}

	public void receiveTeamCopies(boolean copies) {
		requireMember();
		this.teamCopies = copies;
	}

	public TeamRole teamRole() {
		return teamRole;
	}

	public Long id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public boolean enabled() {
		return enabled;
	}

	public String preferredLocale() {
		return preferredLocale;
	}

}
