package it.rivendo.identity.internal;

import it.rivendo.identity.Role;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
		return new ShopUser(id, resellerId, email, displayName, role, teamRole, enabled && resellerEnabled,
				passwordHash);
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
