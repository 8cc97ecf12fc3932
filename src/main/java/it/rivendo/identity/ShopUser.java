package it.rivendo.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: a reseller's user (with the reseller it acts for) or a staff
 * member. Kept in the HTTP session, so it holds ids and names only.
 */
public final class ShopUser implements UserDetails, CredentialsContainer {

	/**
	 * The reseller's user signed in on this thread's request, if there is one (what a
	 * page view reads with the versions is for this user: issue 22).
	 */
	public static Optional<ShopUser> signedInReseller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ShopUser user && user.isReseller()
				? Optional.of(user) : Optional.empty();
	}

	private static final long serialVersionUID = 1L;

	private final long userId;

	private final Long resellerId;

	private final String email;

	private final String displayName;

	private final Role role;

	/**
	 * The team role of a reseller's user; null for staff (and in sessions older than
	 * teams).
	 */
	private final TeamRole teamRole;

	private final boolean enabled;

	private String passwordHash;

	/** A staff member, or a reseller's Titolare. */
	public ShopUser(long userId, Long resellerId, String email, String displayName, Role role, boolean enabled,
			String passwordHash) {
		this(userId, resellerId, email, displayName, role, role == Role.RESELLER ? TeamRole.OWNER : null, enabled,
				passwordHash);
	}

	public ShopUser(long userId, Long resellerId, String email, String displayName, Role role, TeamRole teamRole,
			boolean enabled, String passwordHash) {
		if ((role == Role.RESELLER) != (teamRole != null)) {
			throw new IllegalArgumentException("A reseller's user has a team role, staff have none");
		}
		this.userId = userId;
		this.resellerId = resellerId;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.teamRole = teamRole;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public long userId() {
		return userId;
	}

	/** The reseller this user buys for; fails for staff, who buy nothing. */
	public long resellerId() {
		if (resellerId == null) {
			throw new IllegalStateException("User " + userId + " is not a reseller");
		}
		return resellerId;
	}

	public boolean isReseller() {
		return role == Role.RESELLER;
	}

	public boolean isStaff() {
		return role == Role.STAFF;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	/**
	 * The user's role inside its reseller's team; a session from before teams counts as
	 * the Titolare, which every login then was.
	 * @throws IllegalStateException for staff
	 */
	public TeamRole teamRole() {
		if (!isReseller()) {
			throw new IllegalStateException("User " + userId + " is not a reseller");
		}
		return teamRole == null ? TeamRole.OWNER : teamRole;
	}

	/**
	 * The team role this user signed in with, as kept in its session: null for staff, and
	 * for a reseller's session from before teams (V120), which held none.
	 */
	public TeamRole signedInTeamRole() {
		return teamRole;
	}

	/** Whether this is a reseller's Titolare. */
	public boolean isOwner() {
		return isReseller() && teamRole() == TeamRole.OWNER;
	}

	/**
	 * Whether this is a reseller's user who may spend the credit (Titolare or Operatore).
	 */
	public boolean canBuy() {
		return isReseller() && teamRole().canBuy();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (!isReseller()) {
			return List.of(new SimpleGrantedAuthority(role.authority()));
		}
		return List.of(new SimpleGrantedAuthority(role.authority()),
				new SimpleGrantedAuthority(teamRole().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ShopUser user && user.userId == userId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(userId);
	}

	@Override
	public String toString() {
		return "ShopUser[" + userId + ", " + role + (teamRole == null ? "" : ", " + teamRole) + "]";
	}

}
