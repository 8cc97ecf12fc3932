package it.rivendo.identity;

import it.rivendo.identity.internal.UserAccount;
import it.rivendo.identity.internal.UserAccountRepository;
import it.rivendo.identity.internal.UserSessions;
import it.rivendo.shared.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links to choose a password: 256 random bits, kept as a SHA-256 hash, valid
 * 72 hours (a new account's) or as long as the caller says (a forgotten password's).
 * Nobody, staff included, ever sees or sets a password in clear.
 */
@Service
public class PasswordSetup {

	static final Duration VALIDITY = Duration.ofHours(72);

	private final JdbcClient jdbc;

	private final UserAccountRepository users;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final UserSessions sessions;

	PasswordSetup(JdbcClient jdbc, UserAccountRepository users, PasswordEncoder encoder, Clock clock,
			UserSessions sessions) {
		this.jdbc = jdbc;
		this.users = users;
		this.encoder = encoder;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** A new link for the user, valid 72 hours; earlier unused links stop working. */
	@Transactional
	public String issue(long userId) {
		return issue(userId, VALIDITY);
	}

	/**
	 * A new link for the user, valid as long as given; earlier unused links stop working.
	 */
	@Transactional
	public String issue(long userId, Duration validity) {
		Instant now = clock.instant();
		jdbc.sql("update password_token set used_at = ? where user_id = ? and used_at is null")
			.param(Timestamp.from(now))
			.param(userId)
			.update();
		String token = SecretTokens.random(32);
		jdbc.sql("insert into password_token (user_id, token_hash, expires_at, created_at) values (?, ?, ?, ?)")
			.param(userId)
			.param(SecretTokens.sha256Hex(token))
			.param(Timestamp.from(now.plus(validity)))
			.param(Timestamp.from(now))
			.update();
		return token;
	}

	/**
	 * Whether the account still waits for its first password and the newest link to
	 * choose it expired unused. An account whose owner chose a password once does not
	 * wait, even when a "Password dimenticata?" link lapsed since. (An older link is
	 * marked used when a newer one replaces it; the newest one is used only by choosing a
	 * password.)
	 */
	@Transactional(readOnly = true)
	public boolean firstLinkLapsed(long userId) {
		return jdbc.sql("""
				select u.password_chosen_at is null and t.used_at is null and t.expires_at <= ?
				from password_token t join user_account u on u.id = t.user_id
				where t.user_id = ? order by t.id desc limit 1""")
			.param(Timestamp.from(clock.instant()))
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * The e-mail of the account the link is for, while the link can still be used.
	 * GET-safe: changes nothing.
	 */
	@Transactional(readOnly = true)
	public Optional<String> accountFor(String token) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select u.email from password_token t join user_account u on u.id = t.user_id
				where t.token_hash = ? and t.used_at is null and t.expires_at > ?""")
			.param(SecretTokens.sha256Hex(token))
			.param(Timestamp.from(clock.instant()))
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the password and uses the link up, in one conditional update: the same link
	 * cannot set it twice.
	 * @return the message key of the problem, or empty when the password was set
	 */
	@Transactional
	public Optional<String> choose(String token, String password) {
		Optional<String> email = accountFor(token);
		if (email.isEmpty()) {
			return Optional.of("password.link.invalid");
		}
		Optional<String> problem = PasswordPolicy.problem(password, email.get());
		if (problem.isPresent()) {
			return problem;
		}
		Optional<Long> userId = jdbc.sql("""
				update password_token set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning user_id""")
			.param("now", Timestamp.from(clock.instant()))
			.param("hash", SecretTokens.sha256Hex(token))
			.query(Long.class)
			.optional();
		if (userId.isEmpty()) {
			return Optional.of("password.link.invalid");
		}
		UserAccount user = users.findById(userId.get()).orElseThrow();
		user.changePassword(encoder.encode(password), clock.instant());
		sessions.endAll(user.email()); // the old password's sessions end
		return Optional.empty();
	}

}
