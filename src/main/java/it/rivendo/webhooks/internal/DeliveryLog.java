package it.rivendo.webhooks.internal;

import it.rivendo.shared.NotFoundException;
import it.rivendo.webhooks.DeliveryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery log as the page shows it: deliveries with their last attempt, in one query
 * (a read model).
 */
@Component
public class DeliveryLog {

	private static final String SELECT = """
			select d.id, d.message_id, d.event_type, d.status, d.attempts, d.created_at, d.next_attempt_at,
			       a.attempted_at, a.status_code, a.latency_ms, a.error
			  from webhook_delivery d
			  left join lateral (select * from webhook_attempt a where a.delivery_id = d.id
			                     order by a.id desc limit 1) a on true
			""";

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<DeliveryView> latest(long endpointId, int limit) {
		return jdbc.sql(SELECT + " where d.endpoint_id = :endpoint order by d.id desc limit :limit")
			.param("endpoint", endpointId)
			.param("limit", limit)
			.query(DeliveryLog::view)
			.list();
	}

	public DeliveryView one(long deliveryId) {
		return jdbc.sql(SELECT + " where d.id = :id")
			.param("id", deliveryId)
			.query(DeliveryLog::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("delivery " + deliveryId));
	}

	private static DeliveryView view(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		Integer code = (Integer) rs.getObject("status_code");
		Integer latency = (Integer) rs.getObject("latency_ms");
		return new DeliveryView(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"), status,
				rs.getInt("attempts"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("attempted_at")),
				code, latency, rs.getString("error"),
				"PENDING".equals(status) ? instant(rs.getTimestamp("next_attempt_at")) : null);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
