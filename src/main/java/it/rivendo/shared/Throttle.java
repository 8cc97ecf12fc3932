package it.rivendo.shared;

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
 * How often something may happen per subject (a client address, a recipient): at most
 * {@code max} times in any {@code window}. The events are rows in the database, so every
 * instance shares the count; taking a slot holds a transaction-scoped advisory lock on
 * the subject, so twins racing cannot both take the last one.
 */
@Service
public class Throttle {

	/** Longer than any limit's window: older events count for nothing. */
	static final Duration MEMORY = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	Throttle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * At most {@code max} events per subject in any {@code window}; {@code name} keeps
	 * limits apart.
	 */
	public record Limit(String name, int max, Duration window) {

		public Limit {
			if (max < 1 || window.isNegative() || window.isZero() || window.compareTo(MEMORY) > 0) {
				throw new IllegalArgumentException("limit " + name + ": " + max + " in " + window);
			}
		}
	}

	/**
	 * Takes one of the limit's slots for the subject.
	 * @return empty when taken; otherwise when the next slot frees up (nothing is
	 * recorded then)
	 */
	@Transactional
	public Optional<Instant> take(Limit limit, String subject) {
		String key = normalize(subject);
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:bucket || ' ' || :subject, 0))")
			.param("bucket", limit.name())
			.param("subject", key)
			.query()
			.singleRow();
		Instant now = clock.instant();
		Optional<Instant> full = jdbc.sql("""
				select at from throttle_event where bucket = ? and subject = ? and at > ?
				order by at desc offset ? limit 1""")
			.params(limit.name(), key, Timestamp.from(now.minus(limit.window())), limit.max() - 1)
			.query(Timestamp.class)
			.optional()
			.map(oldest -> oldest.toInstant().plus(limit.window()));
		if (full.isEmpty()) {
			jdbc.sql("insert into throttle_event (bucket, subject, at) values (?, ?, ?)")
				.params(limit.name(), key, Timestamp.from(now))
				.update();
		}
		return full;
	}

	/** Events older than any window are of no use any more: deleted every hour. */
	@Scheduled(cron = "${rivendo.throttle.cleanup-cron:0 43 * * * *}")
	@Transactional
	public int forgetOld() {
		return jdbc.sql("delete from throttle_event where at < ?")
			.param(Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

	private static String normalize(String subject) {
		String value = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
		return value.length() > 254 ? value.substring(0, 254) : value;
	}

}
