package it.rivendo.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing, for all instances at once (the attempts are in the database): after 5 failed logins
 * in 15 minutes an account takes no password for 15 minutes, and an address that failed 30 times in 15 minutes is
 * refused for every account. A successful login clears the account's count. The real owner can log in again when
 * the 15 minutes are over.
 */
@Service
@Transactional
public class LoginThrottle {

	public static final Duration WINDOW = Duration.ofMinutes(15);
	public static final int MAX_ACCOUNT_FAILURES = 5;
	public static final int MAX_ADDRESS_FAILURES = 30;

	private final JdbcClient jdbc;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean blocked(String email, String ip) {
		Timestamp since = Timestamp.from(clock.instant().minus(WINDOW));
		long accountFailures = jdbc.sql("""
				select count(*) from login_attempt
				where lower(email) = :email and not success and at > :since
				  and at > coalesce((select max(at) from login_attempt where lower(email) = :email and success), '-infinity')""")
			.param("email", normalize(email))
			.param("since", since)
			.query(Long.class)
			.single();
		if (accountFailures >= MAX_ACCOUNT_FAILURES) {
			return true;
		}
		long addressFailures = jdbc.sql("select count(*) from login_attempt where ip = ? and not success and at > ?")
			.params(ip, since)
			.query(Long.class)
			.single();
		return addressFailures >= MAX_ADDRESS_FAILURES;
	}

	public void failed(String email, String ip) {
		record(email, ip, false);
	}

	public void succeeded(String email, String ip) {
		record(email, ip, true);
	}

	/** Attempts older than a day are of no use any more: forgotten every hour. */
	@Scheduled(cron = "${rivendo.identity.login-attempts-cleanup-cron:0 17 * * * *}")
	public int forgetOld() {
		return jdbc.sql("delete from login_attempt where at < ?")
			.param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
			.update();
	}

	private void record(String email, String ip, boolean success) {
		Instant now = clock.instant();
		jdbc.sql("insert into login_attempt (email, ip, success, at) values (?, ?, ?, ?)")
			.params(normalize(email), ip == null ? "?" : ip, success, Timestamp.from(now))
			.update();
	}

	private static String normalize(String email) {
		String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		return value.length() > 254 ? value.substring(0, 254) : value;
	}
}
