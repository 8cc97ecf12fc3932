package it.rivendo.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ShopUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	ShopUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmailIgnoreCase(email.trim())
			.map(UserAccount::toShopUser)
			.orElseThrow(() -> new UsernameNotFoundException("No account for the given e-mail"));
	}
}
