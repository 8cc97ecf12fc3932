package it.rivendo.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: an append-only record of who did what, when and to what (a trigger refuses changes). Written in
 * the caller's transaction, so an action and its record commit together.
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

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** One thing that happened: who, what, to what, with details and where from. */
	public record AuditRecord(String actor, String action, String target, String detail, String userAgent, String ip) {
	}
}
