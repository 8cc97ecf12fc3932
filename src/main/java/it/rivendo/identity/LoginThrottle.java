package it.rivendo.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing, for all instances at once (the attempts are in the
 * database), without letting anyone lock the real owner out (ASVS 5.0 V6.3, OWASP
 * Authentication Cheat Sheet):
 * <ul>
 * <li>per account <em>and</em> address: after 5 failures the password is not checked from
 * that address for 1 minute, and the wait doubles with every further failure there, up to
 * 15 minutes. A success from that address clears its count. Failures from elsewhere do
 * not count, so the owner, on their own address, logs in as usual.</li>
 * <li>per address: an address with 30 failures in 15 minutes, on any accounts, is refused
 * for every account until the oldest of them is 15 minutes old.</li>
 * </ul>
 * The address is the one Tomcat gives after reading {@code X-Forwarded-For} from trusted
 * proxies only.
 */
@Service
@Transactional
public class LoginThrottle {

	public static final Duration WINDOW = Duration.ofMinutes(15);

	public static final int MAX_ACCOUNT_FAILURES = 5;

	public static final int MAX_ADDRESS_FAILURES = 30;

	public static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	public static final Duration MAX_DELAY = Duration.ofMinutes(15);

	/** How long failures on an account from an address are remembered (and rows kept). */
	static final Duration MEMORY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Why and until when passwords are not checked for this account from this address.
	 */
	public record Lock(Reason reason, Instant until) {
	}

	public enum Reason {

		/** Too many failures on this account from this address. */
		ACCOUNT_FROM_ADDRESS,
		/** Too many failures from this address, whatever the account. */
		ADDRESS

	}

	/** The lock holding now for this e-mail from this address, if any. */
	@Transactional(readOnly = true)
	public Optional<Lock> lock(String email, String ip) {
		Instant now = clock.instant();
		Failures failures = jdbc.sql("""
				select count(*) as failures, max(at) as last from login_attempt
				where lower(email) = :email and ip = :ip and not success and at > :since
				  and at > coalesce((select max(at) from login_attempt
				                     where lower(email) = :email and ip = :ip and success), '-infinity')""")
			.param("email", normalize(email))
			.param("ip", address(ip))
			.param("since", Timestamp.from(now.minus(MEMORY)))
			.query((row, i) -> new Failures(row.getInt("failures"),
					row.getTimestamp("last") == null ? null : row.getTimestamp("last").toInstant()))
			.single();
		if (failures.count() >= MAX_ACCOUNT_FAILURES) {
			Instant until = failures.last().plus(delayAfter(failures.count()));
			if (until.isAfter(now)) {
				return Optional.of(new Lock(Reason.ACCOUNT_FROM_ADDRESS, until));
			}
		}
		// the address is refused while its last MAX_ADDRESS_FAILURES failures all fall
		// within the window
		return jdbc.sql("""
				select at from login_attempt where ip = ? and not success and at > ?
				order by at desc offset ? limit 1""")
			.params(address(ip), Timestamp.from(now.minus(WINDOW)), MAX_ADDRESS_FAILURES - 1)
			.query(Timestamp.class)
			.optional()
			.map(oldest -> new Lock(Reason.ADDRESS, oldest.toInstant().plus(WINDOW)));
	}

	/**
	 * The wait after the given number of failures in a row: 1 minute after 5, doubling,
	 * at most 15 minutes.
	 */
	static Duration delayAfter(int failures) {
		int doublings = failures - MAX_ACCOUNT_FAILURES;
		if (doublings < 0) {
			return Duration.ZERO;
		}
		return doublings >= 4 ? MAX_DELAY : FIRST_DELAY.multipliedBy(1L << doublings);
	}

	public void failed(String email, String ip) {
		record(email, ip, false);
	}

	public void succeeded(String email, String ip) {
		record(email, ip, true);
		// the team page shows each user's last sign-in
		jdbc.sql("update user_account set last_login_at = ? where lower(email) = ?")
			.params(Timestamp.from(clock.instant()), normalize(email))
			.update();
	}

	/** Attempts older than a day are of no use any more: deleted every hour. */
	@Scheduled(cron = "${rivendo.identity.login-attempts-cleanup-cron:0 41 * * * *}")
	public int forgetOld() {
		return jdbc.sql("delete from login_attempt where at < ?")
			.param(Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

	private void record(String email, String ip, boolean success) {
		jdbc.sql("insert into login_attempt (email, ip, success, at) values (?, ?, ?, ?)")
			.params(normalize(email), address(ip), success, Timestamp.from(clock.instant()))
			.update();
	}

	private static String address(String ip) {
		return ip == null ? "?" : ip;
	}

	private static String normalize(String email) {
		String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		return value.length() > 254 ? value.substring(0, 254) : value;
	}

	private record Failures(int count, Instant last) {
	}

}
