package it.rivendo.services;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reseller's choice about renewal reminders: whether its end customers are told too
 * (at 30 days and on the expiry day, signed with the reseller's name, pointing them to
 * the reseller). Off until the reseller turns it on. The reseller itself is always
 * reminded.
 */
@Service
@Transactional(readOnly = true)
public class ReminderSettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReminderSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the reseller's end customers get a notice before and on the expiry. */
	public boolean notifiesEndCustomers(long resellerId) {
		return jdbc.sql("select notify_end_customers from reseller_reminder_setting where reseller_id = ?")
			.param(resellerId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Turns the end customers' notice on or off. Saving what the reseller already has
	 * changes nothing (no row for a reseller that never turned it on, no new author).
	 */
	@Transactional
	public void notifyEndCustomers(long resellerId, boolean on, String actor) {
		if (on == notifiesEndCustomers(resellerId)) {
			return;
		}
		jdbc.sql("""
				insert into reseller_reminder_setting (reseller_id, notify_end_customers, updated_at, updated_by)
				values (:reseller, :on, :now, :actor)
				on conflict (reseller_id) do update
				  set notify_end_customers = excluded.notify_end_customers, updated_at = excluded.updated_at,
				      updated_by = excluded.updated_by""")
			.param("reseller", resellerId)
			.param("on", on)
			.param("now", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.update();
	}

}
