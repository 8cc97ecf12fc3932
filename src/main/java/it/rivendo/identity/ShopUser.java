package it.rivendo.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: a reseller's user (with the reseller it acts for) or a staff
 * member. Kept in the HTTP session, so it holds ids and names only.
 */
public final class ShopUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final long userId;

	private final Long resellerId;

	private final String email;

	private final String displayName;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	public ShopUser(long userId, Long resellerId, String email, String displayName, Role role, boolean enabled,
			String passwordHash) {
		this.userId = userId;
		this.resellerId = resellerId;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
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

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
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
		return "ShopUser[" + userId + ", " + role + "]";
	}

}
