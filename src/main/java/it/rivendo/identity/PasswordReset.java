package it.rivendo.identity;

import it.rivendo.identity.internal.IdentityMails;
import it.rivendo.identity.internal.UserAccount;
import it.rivendo.identity.internal.UserAccountRepository;
import it.rivendo.shared.Throttle;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Password dimenticata?": a single-use link by e-mail, valid one hour, made with
 * {@link PasswordSetup} (so choosing the password ends every session of the account).
 * <p>
 * Asking only records the request, whatever the address: the page answers the same, in
 * the same time, for an account's address and for any other. {@link #sendLinks} (every
 * few seconds) turns the requests into links for the addresses of enabled accounts,
 * staff's included, and forgets the others. Requests are limited per client address and
 * per e-mail address typed, so nobody can flood a mailbox or probe many addresses.
 */
@Service
public class PasswordReset {

	public static final Duration VALIDITY = Duration.ofHours(1);

	/** Requests from one client address in an hour. */
	static final Throttle.Limit PER_CLIENT = new Throttle.Limit("reset-client", 10, Duration.ofHours(1));

	/** Requests for one e-mail address (one account) in an hour. */
	static final Throttle.Limit PER_ACCOUNT = new Throttle.Limit("reset-account", 3, Duration.ofHours(1));

	private static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final Throttle throttle;

	private final UserAccountRepository users;

	private final ResellerAccounts accounts;

	private final PasswordSetup passwords;

	private final IdentityMails mails;

	private final Clock clock;

	PasswordReset(JdbcClient jdbc, Throttle throttle, UserAccountRepository users, ResellerAccounts accounts,
			PasswordSetup passwords, IdentityMails mails, Clock clock) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.users = users;
		this.accounts = accounts;
		this.passwords = passwords;
		this.mails = mails;
		this.clock = clock;
	}

	/**
	 * Records that a link was asked for this address.
	 * @param client the client's address, for the limit
	 * @return empty when recorded; otherwise until when no more requests are taken
	 */
	@Transactional
	public Optional<Instant> request(String email, String client, Locale locale) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		Optional<Instant> full = throttle.take(PER_CLIENT, client == null ? "?" : client);
		if (full.isEmpty()) {
			full = throttle.take(PER_ACCOUNT, address);
		}
		if (full.isPresent()) {
			return full;
		}
		jdbc.sql("insert into password_reset_request (email, locale, requested_at) values (?, ?, ?)")
			.params(address, locale.getLanguage(), Timestamp.from(clock.instant()))
			.update();
		return Optional.empty();
	}

	@Scheduled(fixedDelayString = "${rivendo.identity.password-reset-interval:2s}", initialDelayString = "5s")
	@Transactional
	public void scheduled() {
		sendLinks();
	}

	/**
	 * Mails a link for each request whose address is an enabled account's, and forgets
	 * every request taken. Instances share the work: each claims its rows.
	 * @return how many links were mailed
	 */
	@Transactional
	public int sendLinks() {
		List<Request> taken = jdbc.sql("""
				delete from password_reset_request where id in (
				  select id from password_reset_request order by id for update skip locked limit ?)
				returning email, locale""")
			.param(BATCH)
			.query((row, i) -> new Request(row.getString("email"), row.getString("locale")))
			.list();
		int sent = 0;
		for (Request request : taken.stream().distinct().toList()) {
			Optional<UserAccount> user = users.findByEmailIgnoreCase(request.email());
			if (user.isPresent() && !accounts.disabled(request.email())) {
				String token = passwords.issue(user.get().id(), VALIDITY);
				mails.passwordReset(user.get(), Locale.forLanguageTag(request.locale()), token);
				sent++;
			}
		}
		return sent;
	}

	private record Request(String email, String locale) {
	}

}
