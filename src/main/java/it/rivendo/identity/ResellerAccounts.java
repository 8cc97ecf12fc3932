package it.rivendo.identity;

import it.rivendo.identity.internal.Reseller;
import it.rivendo.identity.internal.ResellerRepository;
import it.rivendo.identity.internal.UserAccount;
import it.rivendo.identity.internal.UserAccountRepository;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens reseller and staff accounts and answers who a reseller is. */
@Service
@Transactional(readOnly = true)
public class ResellerAccounts {

	private final ResellerRepository resellers;
	private final UserAccountRepository users;
	private final PasswordEncoder passwordEncoder;

	ResellerAccounts(ResellerRepository resellers, UserAccountRepository users, PasswordEncoder passwordEncoder) {
		this.resellers = resellers;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	public long openReseller(NewReseller request) {
		Reseller reseller = resellers.save(new Reseller(request.billing(), request.phone()));
		users.save(UserAccount.reseller(request.email(), passwordEncoder.encode(request.rawPassword()),
				request.contactName(), reseller.id(), request.locale()));
		return reseller.id();
	}

	@Transactional
	public long openStaff(String email, String displayName, String rawPassword) {
		return users.save(UserAccount.staff(email, passwordEncoder.encode(rawPassword), displayName)).id();
	}

	public boolean emailTaken(String email) {
		return users.findByEmailIgnoreCase(email).isPresent();
	}

	public Optional<ResellerProfile> profile(long resellerId) {
		return resellers.findById(resellerId).flatMap(reseller -> users.findFirstByResellerIdOrderById(resellerId)
			.map(user -> new ResellerProfile(reseller.id(), reseller.billing(), user.email(), user.displayName(),
					Locale.forLanguageTag(user.preferredLocale()), reseller.enabled() && user.enabled())));
	}

	@Transactional
	public void rememberLocale(long userId, Locale locale) {
		users.findById(userId).ifPresent(user -> user.preferLocale(locale.getLanguage()));
	}
}
