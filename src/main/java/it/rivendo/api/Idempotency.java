package it.rivendo.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a write of the API happen once per {@code Idempotency-Key}, as Stripe does: the
 * first request with a key does the work and its answer is stored with it, in the same
 * transaction; the same key with the same body later gets that answer again; with another
 * body it is refused ({@link Reused}); while the first is still running, a twin is
 * refused at once ({@link InProgress}) rather than made to wait.
 * <p>
 * "Running" is a transaction-scoped advisory lock on the pair (API key, Idempotency-Key),
 * not a row: it cannot outlive the request, even when the instance dies, so no key is
 * ever stuck. A request that fails (not enough credit, invalid data) stores nothing: the
 * same key may be sent again once the cause is fixed.
 */
@Service
public class Idempotency {

	/** How long an answer is kept for replays. */
	static final Duration MEMORY = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	Idempotency(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An answer to store and replay. */
	public record Answer(int status, String body, boolean replayed) {

		public Answer(int status, String body) {
			this(status, body, false);
		}

	}

	/**
	 * The work's answer, done once per key: the stored answer when the key was used with
	 * the same request before.
	 * @param requestHash what identifies the request's content (e.g. a SHA-256 of its
	 * canonical JSON)
	 * @param work runs inside this transaction: what it writes commits with its answer
	 * @throws InProgress while another request with the same key runs
	 * @throws Reused when the key was used with another request
	 */
	@Transactional
	public Answer once(ApiCaller caller, String idempotencyKey, String requestHash, Supplier<Answer> work) {
		boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:lock, 18))")
			.param("lock", "api-idempotency " + caller.keyId() + " " + idempotencyKey)
			.query(Boolean.class)
			.single();
		if (!ours) {
			throw new InProgress();
		}
		Optional<Stored> earlier = jdbc
			.sql("select request_hash, status, body from api_idempotency where key_id = ? and idempotency_key = ?")
			.params(caller.keyId(), idempotencyKey)
			.query((row, i) -> new Stored(row.getString(1), row.getInt(2), row.getString(3)))
			.optional();
		if (earlier.isPresent()) {
			if (!earlier.get().requestHash().equals(requestHash)) {
				throw new Reused();
			}
			return new Answer(earlier.get().status(), earlier.get().body(), true);
		}
		Answer answer = work.get();
		jdbc.sql("""
				insert into api_idempotency (key_id, idempotency_key, request_hash, status, body, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(caller.keyId(), idempotencyKey, requestHash, answer.status(), answer.body(),
					Timestamp.from(clock.instant()))
			.update();
		return answer;
	}

	/**
	 * Answers older than {@link #MEMORY} are not replayed any more: deleted every hour.
	 */
	@Scheduled(cron = "${rivendo.api.idempotency-cleanup-cron:0 47 * * * *}")
	@Transactional
	public int forgetOld() {
		return jdbc.sql("delete from api_idempotency where created_at < ?")
			.param(Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

	private record Stored(String requestHash, int status, String body) {
	}

	/** Another request with the same Idempotency-Key is still running. */
	public static class InProgress extends RuntimeException {

		InProgress() {
			super("idempotency key in use", null, false, false);
		}

	}

	/** The Idempotency-Key was used before with another request. */
	public static class Reused extends RuntimeException {

		Reused() {
			super("idempotency key reused", null, false, false);
		}

	}

}
