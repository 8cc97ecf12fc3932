package it.rivendo.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many requests an API key may make: {@code rivendo.api.rate-limit.per-minute} in
 * each minute of the clock (a fixed window, from :00 to :59 seconds). The count is a row
 * per key and minute in PostgreSQL, so every instance behind the load balancer counts the
 * same requests; taking one is a single statement, outside any transaction: insert the
 * minute's row with 1, or add 1 to it while it is below the limit, and return the count.
 * No row back means the limit is reached; the refused request writes nothing.
 * <p>
 * A fixed window lets a client that waited make up to twice the limit in the two seconds
 * around the turn of a minute; a sliding window would cost a second row per request.
 */
@Service
public class RateLimits {

	/** Minutes older than this are of no use any more. */
	static final Duration MEMORY = Duration.ofHours(1);

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perMinute;

	RateLimits(JdbcClient jdbc, Clock clock, @Value("${rivendo.api.rate-limit.per-minute:600}") int perMinute) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("rivendo.api.rate-limit.per-minute must be at least 1: " + perMinute);
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.perMinute = perMinute;
	}

	/**
	 * What a request with the key leaves: its count taken if allowed.
	 *
	 * @param limit requests per minute
	 * @param remaining how many more this minute (0 when refused)
	 * @param resetSeconds seconds until the next minute starts (1 to 60)
	 * @param allowed whether this request may go on
	 */
	public record Allowance(int limit, int remaining, long resetSeconds, boolean allowed) {
	}

	/**
	 * Counts one request of the key in the current minute, unless the limit is reached.
	 */
	public Allowance take(long keyId) {
		Instant now = clock.instant();
		Instant window = now.truncatedTo(ChronoUnit.MINUTES);
		long millisLeft = Duration.between(now, window.plus(WINDOW)).toMillis();
		long reset = Math.max(1, (millisLeft + 999) / 1000);
		Integer used = jdbc.sql("""
				insert into api_rate_window as w (key_id, window_start, used) values (:key, :window, 1)
				on conflict (key_id, window_start) do update set used = w.used + 1 where w.used < :limit
				returning w.used""")
			.param("key", keyId)
			.param("window", Timestamp.from(window))
			.param("limit", perMinute)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (used == null) {
			return new Allowance(perMinute, 0, reset, false);
		}
		return new Allowance(perMinute, perMinute - used, reset, true);
	}

	/** Minutes older than {@link #MEMORY}: deleted every hour. */
	@Scheduled(cron = "${rivendo.api.rate-limit.cleanup-cron:0 49 * * * *}")
	@Transactional
	public int forgetOld() {
		return jdbc.sql("delete from api_rate_window where window_start < ?")
			.param(Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

}
