package it.rivendo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.internal.RenewalReminders;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily renewal reminders ({@link RenewalReminders#remindDue}) over 10,000 and
 * 100,000 active services of 300 resellers, their expiries spread over the next year (10%
 * with automatic renewal). Two runs each: the first day (every service within 90 days is
 * reminded at once: the worst day, as after the feature is switched on) and an ordinary
 * next day (what crossed a threshold overnight). Prints seconds, milliseconds per service
 * held and the reminders and e-mails written. The services are copied in SQL from one
 * bought and activated the shop's way. Not part of the test suite (the name ends in
 * neither IT nor Tests): {@code bench/reminders.sh} runs it.
 */
@IntegrationTest
class RenewalRemindersBenchmark {

	static final int RESELLERS = 300;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Autowired
	ActivatedServices activated;

	@Autowired
	RenewalReminders reminders;

	@Test
	void dailyRunAt10000And100000Services() throws Exception {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", IdentificationMode.SPID, "39.00");
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		List<Long> resellers = new ArrayList<>();
		for (int i = 0; i < RESELLERS; i++) {
			resellers.add(shop.reseller("bench" + i + "@test.it", "BASE", i == 0 ? "100.00" : "0"));
		}
		String order = shop.buy(resellers.get(0), "REMOTA", IdentificationMode.SPID, 1);
		long template = jdbc.sql("select id from purchased_service where order_number = ?")
			.param(order)
			.query(Long.class)
			.single();
		activated.activate(resellers.get(0), template, "modello@cliente.it", ActivatedServices.MARIO);

		StringBuilder report = new StringBuilder(
				"services | day | run s | ms per service held | reminders | e-mails to resellers\n");
		for (int size : new int[] { 10_000, 100_000 }) {
			clock.reset();
			jdbc.sql("delete from service_reminder").update();
			jdbc.sql("delete from service_reminder_mail").update();
			jdbc.sql("delete from mail_outbox").update();
			jdbc.sql("delete from purchased_service where id <> ?").param(template).update();
			jdbc.sql("update purchased_service set valid_until = ? where id = ?")
				.param(Timestamp.from(clock.instant().plus(Duration.ofDays(400))))
				.param(template)
				.update();
			ServiceCopies.spread(template, size, 10, resellers.get(0), RESELLERS)
				.insert(jdbc, dataSource, clock.instant());
			for (String day : List.of("first", "next")) {
				if (day.equals("next")) {
					clock.advance(Duration.ofDays(1));
				}
				long t0 = System.nanoTime();
				RenewalReminders.Run run = reminders.remindDue();
				long t1 = System.nanoTime();
				assertThat(run.reminders()).isPositive();
				report.append("%,d | %s | %.2f | %.4f | %,d | %d%n".formatted(size, day, (t1 - t0) / 1e9,
						(t1 - t0) / 1e6 / size, run.reminders(), run.resellersMailed()));
			}
		}
		System.out.println("[bench] renewal reminders\n" + report);
		String out = System.getProperty("bench.out");
		if (out != null) {
			Files.writeString(Path.of(out), report);
		}
	}

}
