package it.rivendo.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import it.rivendo.shared.SqlLike;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: an append-only record of who did what, when and to what (a trigger
 * refuses changes). Written in the caller's transaction, so an action and its record
 * commit together.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void record(AuditRecord record) {
		jdbc.sql("""
				insert into audit_event (actor, action, target, detail, user_agent, ip)
				values (:actor, :action, :target, :detail, :agent, :ip)""")
			.param("actor", record.actor())
			.param("action", record.action())
			.param("target", record.target())
			.param("detail", cut(record.detail(), 2000))
			.param("agent", cut(record.userAgent(), 500))
			.param("ip", cut(record.ip(), 64))
			.update();
	}

	/**
	 * Staff actions and credit movements together, newest first.
	 * @param actor part of who did it (case-insensitive), or blank
	 * @param action the action, e.g. {@code CREDIT_TOPUP}, or blank
	 * @param from first instant included, or {@code null}
	 * @param to first instant excluded, or {@code null}
	 */
	@Transactional(readOnly = true)
	public Page<AuditLine> search(@Nullable String actor, @Nullable String action, @Nullable Instant from,
			@Nullable Instant to, Pageable page) {
		StringBuilder where = new StringBuilder("where true");
		Map<String, Object> params = new HashMap<>();
		if (actor != null && !actor.isBlank()) {
			where.append(" and lower(actor) like :actor");
			params.put("actor", SqlLike.containing(actor));
		}
		if (action != null && !action.isBlank()) {
			where.append(" and action = :action");
			params.put("action", action.strip());
		}
		if (from != null) {
			where.append(" and at >= :from");
			params.put("from", Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and at < :to");
			params.put("to", Timestamp.from(to));
		}
		long total = jdbc.sql("select count(*) from audit_timeline " + where).params(params).query(Long.class).single();
		params.put("limit", page.getPageSize());
		params.put("offset", page.getOffset());
		List<AuditLine> lines = jdbc
			.sql("select * from audit_timeline " + where
					+ " order by at desc, source, id desc limit :limit offset :offset")
			.params(params)
			.query((row, i) -> new AuditLine(row.getString("source"), row.getLong("id"),
					row.getTimestamp("at").toInstant(), row.getString("actor"), row.getString("action"),
					row.getString("target"), row.getString("detail")))
			.list();
		return new PageImpl<>(lines, page, total);
	}

	/** Every action that occurs in the trail or the ledger, for the filter. */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return jdbc.sql("""
				select action from audit_event group by action
				union select 'CREDIT_' || kind from credit_entry group by kind
				order by 1""").query(String.class).list();
	}

	private static @Nullable String cut(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** One thing that happened: who, what, to what, with details and where from. */
	public record AuditRecord(String actor, String action, @Nullable String target, @Nullable String detail,
			@Nullable String userAgent, @Nullable String ip) {

		/**
		 * What someone did, recorded without the browser and address it came from (a job,
		 * a service call).
		 */
		public static AuditRecord of(String actor, String action, @Nullable String target, @Nullable String detail) {
			return new AuditRecord(actor, action, target, detail, null, null);
		}
	}

}
