package it.rivendo.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ShopUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	private final ResellerRepository resellers;

	ShopUserDetailsService(UserAccountRepository users, ResellerRepository resellers) {
		this.users = users;
		this.resellers = resellers;
	}

	/** The login, disabled when it or its reseller is switched off. */
	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmailIgnoreCase(email.trim())
			.map(user -> user.toShopUser(user.resellerId() == null
					|| resellers.findById(user.resellerId()).map(Reseller::enabled).orElse(false)))
			.orElseThrow(() -> new UsernameNotFoundException("No account for the given e-mail"));
	}

}
