package it.rivendo.ops;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.handoff.Handoff;
import it.rivendo.identity.LoginThrottle;
import it.rivendo.identity.Role;
import it.rivendo.identity.ShopUser;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.Activation;
import it.rivendo.services.EndCustomer;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.shared.Money;
import it.rivendo.shared.Throttle;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Every scheduled job, run the way the scheduler runs it (the task Spring registered for
 * the {@code @Scheduled} method, calling the bean through its proxy), with the shop's
 * clock moved forward; then what the database and the outbox hold. In tests the scheduler
 * itself fires nothing ({@code rivendo.scheduling.enabled=false}).
 */
@IntegrationTest
class ScheduledJobsIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	List<ScheduledTaskHolder> scheduling;

	@Autowired
	MutableClock clock;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceAdministration staff;

	@Autowired
	TierRules tiers;

	@Autowired
	CreditLedger ledger;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	Handoff handoff;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	PurchasedServices services;

	@Autowired
	Activation activation;

	@Autowired
	Throttle throttles;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("BRONZE", "10").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("reseller@test.it", "BASE", "500.00");
	}

	@Test
	void everyScheduledJobRunsThroughScheduledJobs() {
		var scheduled = scheduling.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(ScheduledJobsIT::name)
			.toList();
		assertThat(scheduled).containsExactlyInAnyOrderElementsOf(jobs.names())
			.contains("ServiceLifecycle.run", "OutboxSender.scheduled", "TierRules.recomputeAll",
					"LoginThrottle.forgetOld", "Handoff.forgetOld", "Throttle.forgetOld", "Moments.everyHour",
					"Moments.everyMidnight", "PasswordReset.scheduled");
	}

	@Test
	void everyJobRunsWatchedAndShowsItsLastSuccessInTheHealthAndTheMetrics() {
		for (String job : jobs.names()) {
			assertThat(jobs.runNow(job)).as(job).isTrue();
		}

		var health = jobs.health();
		assertThat(health.getStatus().getCode()).isEqualTo("UP");
		assertThat(health.getDetails()).containsOnlyKeys(jobs.names());
		assertThat(health.getDetails().get("ServiceLifecycle.run").toString()).contains("status=OK", "failures=0")
			.doesNotContain("not since start");
		assertThat(meters.get("rivendo.scheduled.job.failures").tag("job", "ServiceLifecycle.run").counter().count())
			.isZero();
		assertThat(meters.get("rivendo.scheduled.job.last.success").tag("job", "ServiceLifecycle.run").gauge().value())
			.isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5.0));
	}

	@Test
	void springModulithsMomentsRunAndNothingListens() {
		run("Moments.everyHour");
		run("Moments.everyMidnight");
		assertThat(count("mail_outbox")).isZero();
	}

	@Test
	void theHourlyServiceJobRemindsExpiresAndEndsSuspensions() {
		shop.buy(reseller, "REMOTA", SPID, 2);
		List<Long> ids = jdbc.sql("select id from purchased_service order by id").query(Long.class).list();
		long waiting = ids.get(0);
		long active = ids.get(1);
		// an active service (how it became active is not this test's business), suspended
		// for 10 days
		jdbc.sql("update purchased_service set status = 'ACTIVE', activated_at = now() where id = ?")
			.param(active)
			.update();
		staff.suspend(active, clock.instant().plus(Duration.ofDays(10)), "Verifica documenti", "staff@test.it");

		clock.advance(Duration.ofDays(107)); // 13 days before the 120-day deadline
		run("ServiceLifecycle.run");
		run("ServiceLifecycle.run"); // the next hour: nothing new

		assertThat(status(waiting)).isEqualTo("NOT_ASSOCIATED");
		assertThat(status(active)).isEqualTo("ACTIVE");
		assertThat(count("mail_outbox where kind = 'DEADLINE_REMINDER' and recipient = 'reseller@test.it'"))
			.isEqualTo(1);
		assertThat(count("service_event where kind = 'RESUMED' and actor = 'system'")).isEqualTo(1);

		clock.advance(Duration.ofDays(14)); // one day past the deadline
		run("ServiceLifecycle.run");

		assertThat(status(waiting)).isEqualTo(ServiceStatus.ACTIVATION_EXPIRED.name());
		assertThat(status(active)).isEqualTo("ACTIVE");
		assertThat(count("service_event where kind = 'ACTIVATION_EXPIRED' and service_id = " + waiting)).isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'DEADLINE_REMINDER'")).isEqualTo(1);
	}

	@Test
	void theHourlyServiceJobEndsTheTermOfActiveServicesPastTheirDateOnce() {
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		shop.buy(reseller, "REMOTA", SPID, 2);
		List<Long> ids = jdbc.sql("select id from purchased_service order by id").query(Long.class).list();
		long ending = ids.get(0);
		long suspended = ids.get(1);
		for (long id : ids) {
			services.associate(reseller, id, "cliente" + id + "@test.it", null, "reseller@test.it");
			activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", "cliente" + id + "@test.it", "/activate/"),
					new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567"));
			staff.confirmIdentification(id, null, "staff@test.it");
		}
		clock.advance(Duration.ofDays(360));
		staff.suspend(suspended, clock.instant().plus(Duration.ofDays(10)), "Verifica documenti", "staff@test.it");
		run("ServiceLifecycle.run");
		assertThat(status(ending)).isEqualTo("ACTIVE");

		clock.advance(Duration.ofDays(6)); // a year and a day after activation
		run("ServiceLifecycle.run");
		run("ServiceLifecycle.run"); // the next hour: nothing new

		assertThat(status(ending)).isEqualTo(ServiceStatus.TERM_ENDED.name());
		assertThat(status(suspended)).isEqualTo("SUSPENDED");
		assertThat(count("service_event where kind = 'TERM_ENDED' and actor = 'system'")).isEqualTo(1);

		clock.advance(Duration.ofDays(5)); // the suspension is over: active again, and
											// past its date
		run("ServiceLifecycle.run");
		assertThat(status(suspended)).isEqualTo(ServiceStatus.TERM_ENDED.name());
		assertThat(count("service_event where kind = 'TERM_ENDED'")).isEqualTo(2);
	}

	@Test
	void theOutboxJobDeliversWhatIsDue() throws Exception {
		shop.buy(reseller, "REMOTA", SPID, 1);
		assertThat(count("mail_outbox where status = 'PENDING'")).isEqualTo(1);

		run("OutboxSender.scheduled");

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("reseller@test.it");
		assertThat(count("mail_outbox where status = 'SENT'")).isEqualTo(1);
	}

	@Test
	void thePasswordResetJobMailsTheLinksAskedFor() {
		jdbc.sql("""
				insert into password_reset_request (email, locale, requested_at)
				values ('reseller@test.it', 'it', now()), ('nobody@test.it', 'it', now())""").update();

		run("PasswordReset.scheduled");

		assertThat(count("password_reset_request")).isZero();
		assertThat(count("mail_outbox where kind = 'PASSWORD_RESET' and recipient = 'reseller@test.it'")).isEqualTo(1);
		assertThat(count("mail_outbox")).isEqualTo(1);
	}

	@Test
	void theNightlyTierJobLowersResellersWithoutTopUpsForSixMonths() {
		tiers.setThreshold("BRONZE", Money.of("100.00"), "test");
		tiers.unpin(reseller, "test");
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("150.00"), "T1", "ricarica", "test");
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("BRONZE");

		clock.advance(Duration.ofDays(200));
		run("TierRules.recomputeAll");

		assertThat(jdbc
			.sql("select t.code from reseller_tier r join discount_tier t on t.id = r.tier_id where r.reseller_id = ?")
			.param(reseller)
			.query(String.class)
			.single()).isEqualTo("BASE");
	}

	@Test
	void theCleanupJobsForgetLoginAttemptsAndHandoffsAfterADay() {
		throttle.failed("reseller@test.it", "203.0.113.9");
		throttle.succeeded("reseller@test.it", "203.0.113.9");
		long userId = jdbc.sql("select id from user_account where email = 'reseller@test.it'")
			.query(Long.class)
			.single();
		handoff.create(new ShopUser(userId, reseller, "reseller@test.it", "R", Role.RESELLER, true, "n/a"), "session-1",
				"/cart", "agent", "203.0.113.9");
		handoff.useCode("WRONGCODE1", "agent", "203.0.113.9");

		clock.advance(Duration.ofHours(23));
		run("LoginThrottle.forgetOld");
		run("Handoff.forgetOld");
		assertThat(count("login_attempt")).isEqualTo(2);
		assertThat(count("handoff_token")).isEqualTo(1);
		assertThat(count("handoff_failure")).isEqualTo(1);

		clock.advance(Duration.ofHours(2));
		run("LoginThrottle.forgetOld");
		run("Handoff.forgetOld");
		assertThat(count("login_attempt")).isZero();
		assertThat(count("handoff_token")).isZero();
		assertThat(count("handoff_failure")).isZero();
	}

	@Test
	void theThrottleForgetsEventsOlderThanTwoDays() {
		Throttle.Limit limit = new Throttle.Limit("test", 5, Duration.ofHours(1));
		throttles.take(limit, "203.0.113.9");

		clock.advance(Duration.ofHours(47));
		run("Throttle.forgetOld");
		assertThat(count("throttle_event")).isEqualTo(1);

		clock.advance(Duration.ofHours(2));
		run("Throttle.forgetOld");
		assertThat(count("throttle_event")).isZero();
	}

	/**
	 * Runs a job as the scheduler does: the task Spring registered for the
	 * {@code @Scheduled} method.
	 */
	private void run(String job) {
		ScheduledTask task = scheduling.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.filter(candidate -> name(candidate).equals(job))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no scheduled job " + job));
		task.getTask().getRunnable().run();
	}

	/**
	 * {@code it.rivendo.services.internal.ServiceLifecycle.run} →
	 * {@code ServiceLifecycle.run}
	 */
	private static String name(ScheduledTask task) {
		String qualified = task.getTask().toString();
		int method = qualified.lastIndexOf('.');
		return qualified.substring(qualified.lastIndexOf('.', method - 1) + 1);
	}

	private String status(long serviceId) {
		return jdbc.sql("select status from purchased_service where id = ?")
			.param(serviceId)
			.query(String.class)
			.single();
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
