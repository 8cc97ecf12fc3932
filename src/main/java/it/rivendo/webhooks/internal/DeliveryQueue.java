package it.rivendo.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out due deliveries to senders. A claim takes rows with
 * {@code FOR UPDATE SKIP LOCKED}, counts the attempt and moves the row's next attempt a
 * lease ahead, and commits: another sender (this instance or another) skips the rows
 * while they are claimed, and takes them again only when the lease ran out without an
 * outcome (the instance stopped mid-send). Sending happens outside any transaction.
 */
@Component
class DeliveryQueue {

	/** What one attempt needs. */
	record Claim(long deliveryId, long endpointId, int attempt, String messageId, String payload, String url,
			String secret) {
	}

	static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code batch} deliveries due now, of enabled endpoints, oldest due first. */
	@Transactional
	public List<Claim> claimDue(Instant now, int batch) {
		return claim("""
				select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where d.status = 'PENDING' and d.next_attempt_at <= :now and e.enabled
				order by d.next_attempt_at
				limit :batch
				for update of d skip locked""", now, batch, null);
	}

	/** The one delivery, when it is pending and nobody else is sending it now. */
	@Transactional
	public List<Claim> claimOne(long deliveryId, Instant now) {
		return claim("""
				select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where d.id = :id and d.status = 'PENDING' and d.next_attempt_at <= :now and e.enabled
				for update of d skip locked""", now, 1, deliveryId);
	}

	private List<Claim> claim(String due, Instant now, int batch, Long deliveryId) {
		var statement = jdbc.sql("""
				update webhook_delivery d
				   set attempts = d.attempts + 1, next_attempt_at = :leaseUntil
				  from webhook_endpoint e
				 where e.id = d.endpoint_id and d.id in (%s)
				returning d.id, d.endpoint_id, d.attempts, d.message_id, d.payload, e.url, e.secret""".formatted(due))
			.param("now", java.sql.Timestamp.from(now))
			.param("leaseUntil", java.sql.Timestamp.from(now.plus(LEASE)));
		statement = deliveryId == null ? statement.param("batch", batch) : statement.param("id", deliveryId);
		return statement
			.query((rs, row) -> new Claim(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getInt("attempts"),
					rs.getString("message_id"), rs.getString("payload"), rs.getString("url"), rs.getString("secret")))
			.list();
	}

}
