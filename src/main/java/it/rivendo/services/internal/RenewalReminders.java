package it.rivendo.services.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.services.ReminderSettings;
import it.rivendo.services.ServiceExpired;
import it.rivendo.services.ServiceExpiring;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewal reminders (issue #16): every morning, after the automatic renewals, each
 * reseller gets one e-mail listing its services that crossed a reminder threshold that
 * day: 90, 30 or 7 days before the expiry, or the expiry day itself. In a team (issue 17)
 * that is one e-mail per recipient: each user the services it bought, each Titolare the
 * whole list, or without copies its own and those nobody of the team bought. Optionally
 * (the reseller's {@link ReminderSettings}) the end customer gets a short notice at 30
 * days and on the expiry day, pointing to the reseller.
 * <p>
 * Once per service, expiry and threshold: a {@code service_reminder} row (primary key
 * service, valid_until, threshold) records each one, in the transaction that writes the
 * e-mail into the outbox and publishes {@link ServiceExpiring} or {@link ServiceExpired}.
 * A renewal moves the expiry, so a service renewed before a threshold is not reminded of
 * the old date, and its new term gets its own reminders; a service cancelled, not
 * activated or without a term gets none.
 * <p>
 * <b>After days without a run</b> (downtime) only the <em>most recent</em> threshold
 * crossed is sent, with the days actually left: a service 5 days from its expiry gets the
 * 7-day reminder, not also the 90 and 30 missed; the expiry-day one is still sent up to
 * {@value #LATE_DAYS} days late and then no more.
 * <p>
 * <b>Two instances</b>: each reseller's reminders are one transaction that first takes
 * the reseller's {@code service_reminder_mail} row of the day (primary key reseller,
 * day); a second instance waits on it and then finds the reseller done. The services are
 * read {@code FOR UPDATE SKIP LOCKED}: one being renewed at that moment is left for the
 * next day's run, when its new date decides. What turns due for a reseller after its
 * e-mail of the day went out (a renewal cancelled that day) waits for the next day's
 * e-mail.
 */
@Component
public class RenewalReminders {

	/**
	 * The thresholds, days before the expiry, the furthest first; 0 is the expiry day.
	 */
	public static final List<Integer> THRESHOLDS = List.of(90, 30, 7, 0);

	/** How many days after the expiry a late run still sends the expiry-day reminder. */
	static final int LATE_DAYS = 7;

	/** Thresholds at which the end customer is told, when the reseller wants it. */
	static final List<Integer> END_CUSTOMER_THRESHOLDS = List.of(30, 0);

	private static final Logger logger = LoggerFactory.getLogger(RenewalReminders.class);

	/**
	 * Services whose term runs or just ended, with the calendar days left (Italy) and the
	 * most recent threshold crossed, not yet reminded of it for this expiry.
	 */
	private static final String DUE = """
			from purchased_service s
			cross join lateral (select ((s.valid_until at time zone 'Europe/Rome')::date
			                            - cast(:today as date)) as days_left) d
			cross join lateral (select case when d.days_left <= 0 then 0 when d.days_left <= 7 then 7
			                                when d.days_left <= 30 then 30 else 90 end as threshold) t
			where s.valid_until >= :earliest and s.valid_until < :latest
			  and s.status in ('ACTIVE', 'SUSPENDED', 'TERM_ENDED')
			  and d.days_left between :late and :ahead
			  and not exists (select 1 from service_reminder r
			                  where r.service_id = s.id and r.valid_until = s.valid_until
			                    and r.threshold = t.threshold)
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ResellerAccounts accounts;

	private final ReminderSettings settings;

	private final RenewalReminderMails mails;

	private final ApplicationEventPublisher events;

	private final ServiceLog log;

	RenewalReminders(JdbcClient jdbc, TransactionTemplate transactions, ResellerAccounts accounts,
			ReminderSettings settings, RenewalReminderMails mails, ApplicationEventPublisher events, ServiceLog log) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.settings = settings;
		this.mails = mails;
		this.events = events;
		this.log = log;
	}

	/** What a run did. */
	public record Run(int resellersMailed, int reminders, int endCustomerNotices) {
	}

	/** A service due for a reminder today, as read (and locked) for it. */
	public record Due(long serviceId, long resellerId, Long placedByUserId, String productCode,
			LocalizedText productName, IdentificationMode mode, String customerEmail, String customerName,
			ServiceStatus status, Instant validUntil, int graceDays, boolean autoRenew, int daysLeft, int threshold) {

		public boolean expired() {
			return threshold == 0;
		}

		/** The last instant it can still be renewed (its grace days after the expiry). */
		public Instant renewableUntil() {
			return validUntil.plus(Duration.ofDays(graceDays));
		}

		/** Whether the end customer hears about it, when the reseller wants it. */
		public boolean forEndCustomer() {
			return customerEmail != null && END_CUSTOMER_THRESHOLDS.contains(threshold)
			// at 30 days the automatic renewal is about to renew it: nothing to ask
					&& !(threshold > 0 && autoRenew);
		}

	}

	/**
	 * Runs after the automatic renewals (6:30), so that what they renewed is not
	 * reminded.
	 */
	@Scheduled(cron = "${rivendo.services.renewal-reminder-cron:0 0 7 * * *}", zone = "Europe/Rome")
	public void run() {
		Run run = remindDue();
		if (run.reminders() > 0) {
			logger.info("Renewal reminders: {}", run);
		}
	}

	/** Sends today's reminders, reseller by reseller, each in its own transaction. */
	public Run remindDue() {
		Instant now = log.now();
		LocalDate today = now.atZone(Formats.SHOP_ZONE).toLocalDate();
		List<Long> resellers = bind(jdbc.sql("select distinct s.reseller_id " + DUE + " order by s.reseller_id"), today)
			.query(Long.class)
			.list();
		int mailed = 0;
		int reminders = 0;
		int notices = 0;
		for (long resellerId : resellers) {
			Run done = transactions.execute(status -> {
				Run run = remind(resellerId, today, now);
				if (run.reminders() == 0) {
					status.setRollbackOnly(); // gives the day's row back: nothing was
												// sent
				}
				return run;
			});
			if (done != null) {
				mailed += done.resellersMailed();
				reminders += done.reminders();
				notices += done.endCustomerNotices();
			}
		}
		return new Run(mailed, reminders, notices);
	}

	/** One reseller's reminders of the day, in the caller's transaction. */
	private Run remind(long resellerId, LocalDate today, Instant now) {
		int taken = jdbc.sql("""
				insert into service_reminder_mail (reseller_id, day, services, created_at)
				values (:reseller, :day, 0, :now) on conflict do nothing""")
			.param("reseller", resellerId)
			.param("day", today)
			.param("now", Timestamp.from(now))
			.update();
		if (taken == 0) {
			return new Run(0, 0, 0); // another run told this reseller today
		}
		ResellerProfile reseller = accounts.profile(resellerId).orElse(null);
		if (reseller == null || !reseller.enabled()) {
			return new Run(0, 0, 0);
		}
		List<Due> due = bind(
				jdbc.sql("select s.*, d.days_left, t.threshold " + DUE
						+ " and s.reseller_id = :reseller order by s.valid_until, s.id for update of s skip locked"),
				today)
			.param("reseller", resellerId)
			.query(RenewalReminders::due)
			.list();
		List<Due> recorded = new ArrayList<>();
		for (Due service : due) {
			if (record(service, today, now)) {
				recorded.add(service);
			}
		}
		if (recorded.isEmpty()) {
			return new Run(0, 0, 0);
		}
		jdbc.sql("update service_reminder_mail set services = :services where reseller_id = :reseller and day = :day")
			.param("services", recorded.size())
			.param("reseller", resellerId)
			.param("day", today)
			.update();
		recorded.forEach(service -> events.publishEvent(event(service, now)));
		// each user of the team its own services, each Titolare per its copies (issue 17)
		accounts.recipients(resellerId)
			.split(recorded, Due::placedByUserId)
			.forEach((recipient, services) -> mails.toReseller(reseller, recipient, services, today, now));
		int notices = 0;
		if (settings.notifiesEndCustomers(resellerId)) {
			for (Due service : recorded) {
				if (service.forEndCustomer()) {
					mails.toEndCustomer(reseller, service);
					jdbc.sql("""
							update service_reminder set customer_notified = true
							where service_id = :id and threshold = :threshold and day = :day""")
						.param("id", service.serviceId())
						.param("threshold", service.threshold())
						.param("day", today)
						.update();
					notices++;
				}
			}
		}
		return new Run(1, recorded.size(), notices);
	}

	/** The reminder's row: whether it is new (the primary key says once). */
	private boolean record(Due service, LocalDate today, Instant now) {
		return jdbc
			.sql("""
					insert into service_reminder (service_id, valid_until, threshold, reseller_id, days_left, day, created_at)
					select s.id, s.valid_until, :threshold, s.reseller_id, :daysLeft, :day, :now
					from purchased_service s where s.id = :id
					on conflict do nothing""")
			.param("threshold", service.threshold())
			.param("daysLeft", service.daysLeft())
			.param("day", today)
			.param("now", Timestamp.from(now))
			.param("id", service.serviceId())
			.update() == 1;
	}

	private static Object event(Due service, Instant now) {
		if (service.expired()) {
			return new ServiceExpired(service.serviceId(), service.resellerId(), service.productCode(),
					service.customerEmail(), service.validUntil(), service.renewableUntil(), now);
		}
		return new ServiceExpiring(service.serviceId(), service.resellerId(), service.productCode(),
				service.customerEmail(), service.validUntil(), service.threshold(), service.daysLeft(),
				service.autoRenew(), now);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocalDate today) {
		return sql.param("today", today)
			.param("earliest", Timestamp.from(today.minusDays(LATE_DAYS).atStartOfDay(Formats.SHOP_ZONE).toInstant()))
			.param("latest",
					Timestamp.from(today.plusDays(THRESHOLDS.get(0) + 1L).atStartOfDay(Formats.SHOP_ZONE).toInstant()))
			.param("late", -LATE_DAYS)
			.param("ahead", THRESHOLDS.get(0));
	}

	private static Due due(ResultSet rs, int row) throws SQLException {
		return new Due(rs.getLong("id"), rs.getLong("reseller_id"), rs.getObject("placed_by_user_id", Long.class),
				rs.getString("product_code"),
				new LocalizedText(rs.getString("product_name"), rs.getString("product_name_en")),
				IdentificationMode.valueOf(rs.getString("mode")), rs.getString("customer_email"),
				rs.getString("customer_name"), ServiceStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("valid_until").toInstant(), rs.getInt("renewal_grace_days"),
				rs.getBoolean("auto_renew"), rs.getInt("days_left"), rs.getInt("threshold"));
	}

}
