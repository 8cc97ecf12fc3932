package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.services.internal.RenewalReminders;
import it.rivendo.shared.Formats;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Renewal reminders (issue #16): one e-mail per reseller per day listing the services
 * that crossed 90, 30, 7 days before their expiry or the expiry day; once per service,
 * expiry and threshold, also with two runs racing; a renewal moves the dates; after days
 * without a run only the most recent threshold; the end customer's notice only when the
 * reseller wants it, without a link to the shop. The clock moves through the Spring
 * beans; the job runs when the test calls it (through ScheduledJobs, as the scheduler
 * would, or the bean).
 */
@RecordApplicationEvents
class RenewalRemindersIT extends RenewalTest {

	@Autowired
	ServiceAdministration staff;

	@Autowired
	RenewalReminders reminders;

	@Autowired
	ReminderSettings settings;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	ApplicationEvents events;

	long reseller;

	/**
	 * The remote signature shop of {@link ActivatedServices#remoteSignatureShop} and an
	 * e-invoicing plan with 30 days of grace after its expiry.
	 */
	@BeforeEach
	void setUp() {
		reseller = activated.remoteSignatureShop().id();
		shop.family("FATTURA");
		shop.product("FE1", "FATTURA", IdentificationMode.NONE, "10.00");
		shop.catalog().setTerm("FE1", ServiceTerm.months(12, 90, 30));
	}

	@Test
	void oneEmailPerResellerPerThresholdListingItsServicesOnce() {
		long first = activeService(reseller, "mario@cliente.it");
		long second = activeService(reseller, "lucia@cliente.it");
		long other = shop.reseller("other@test.it", "BASE", "100.00");
		long theirs = activeService(other, "paolo@cliente.it");
		Instant expiry = services.view(reseller, first).validUntil();

		at(expiry, 91);
		assertThat(jobs.runNow("RenewalReminders.run")).isTrue();
		assertThat(reminderMails()).isEmpty();

		at(expiry, 90);
		assertThat(jobs.runNow("RenewalReminders.run")).isTrue();
		List<Mail> mails = reminderMails();
		assertThat(mails).extracting(Mail::recipient).containsExactlyInAnyOrder("owner@test.it", "other@test.it");
		Mail mail = mailTo(mails, "owner@test.it");
		assertThat(mail.subject()).isEqualTo("Promemoria rinnovi: 2 servizi da rinnovare");
		assertThat(mail.text()).contains("Referente owner@test.it")
			.contains("Prodotto REMOTA")
			.contains("mario@cliente.it")
			.contains("lucia@cliente.it")
			.contains("Scade tra 90 giorni, il " + date(expiry))
			.contains("Rinnovo automatico: non attivo")
			.contains("/account/services/" + first)
			.contains("/account/services/" + second)
			.contains("/account/services/expiring?days=90")
			.doesNotContain("paolo@cliente.it");
		assertThat(mail.html()).containsPattern("href=\"https?://[^\"]+/account/services/" + first + "\"");
		assertThat(mailTo(mails, "other@test.it").text()).contains("paolo@cliente.it").doesNotContain("mario");
		assertThat(rows(first)).containsExactly(90);
		assertThat(rows(theirs)).containsExactly(90);

		// the same day again, and the next day: nothing more
		reminders.remindDue();
		clock.advance(Duration.ofDays(1));
		assertThat(reminders.remindDue().reminders()).isZero();
		assertThat(reminderMails()).hasSize(2);

		at(expiry, 30);
		reminders.remindDue();
		reminders.remindDue();
		at(expiry, 7);
		reminders.remindDue();
		at(expiry, 0);
		reminders.remindDue();
		clock.advance(Duration.ofDays(1));
		reminders.remindDue();

		assertThat(rows(first)).containsExactly(90, 30, 7, 0);
		assertThat(rows(second)).containsExactly(90, 30, 7, 0);
		List<Mail> owners = reminderMails().stream().filter(m -> m.recipient().equals("owner@test.it")).toList();
		assertThat(owners).hasSize(4);
		assertThat(owners.get(1).text()).contains("Scade tra 30 giorni");
		assertThat(owners.get(2).text()).contains("Scade tra 7 giorni");
		assertThat(owners.get(3).text()).contains("Scade oggi, " + date(expiry)).contains("Non si può più rinnovare");
		assertThat(jdbc.sql("select count(*) from service_reminder_mail where reseller_id = ?")
			.param(reseller)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void eachReminderIsPublishedOnceAsAnEventOfTheServicesApi() {
		long id = activeService(reseller, "mario@cliente.it");
		Instant expiry = services.view(reseller, id).validUntil();
		at(expiry, 30);
		reminders.remindDue();
		reminders.remindDue();
		at(expiry, 0);
		reminders.remindDue();
		reminders.remindDue();

		assertThat(events.stream(ServiceExpiring.class)).singleElement().satisfies(event -> {
			assertThat(event.serviceId()).isEqualTo(id);
			assertThat(event.resellerId()).isEqualTo(reseller);
			assertThat(event.productCode()).isEqualTo("REMOTA");
			assertThat(event.customerEmail()).isEqualTo("mario@cliente.it");
			assertThat(event.validUntil()).isEqualTo(expiry);
			assertThat(event.threshold()).isEqualTo(30);
			assertThat(event.daysLeft()).isEqualTo(30);
			assertThat(event.autoRenew()).isFalse();
		});
		assertThat(events.stream(ServiceExpired.class)).singleElement().satisfies(event -> {
			assertThat(event.serviceId()).isEqualTo(id);
			assertThat(event.validUntil()).isEqualTo(expiry);
			assertThat(event.renewableUntil()).isEqualTo(expiry);
		});
	}

	@Test
	void aRenewedServiceIsNotRemindedOfTheOldDateAndIsRemindedOfTheNewOne() {
		long id = activeService(reseller, "mario@cliente.it");
		Instant expiry = services.view(reseller, id).validUntil();
		at(expiry, 90);
		reminders.remindDue();

		at(expiry, 60);
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		shop.pay(reseller);
		Instant renewed = services.view(reseller, id).validUntil();
		assertThat(renewed).isAfter(expiry);

		for (int days : List.of(30, 7, 0)) {
			at(expiry, days);
			assertThat(reminders.remindDue().reminders()).as("%d days before the old date", days).isZero();
		}
		at(renewed, 90);
		assertThat(reminders.remindDue().reminders()).isEqualTo(1);
		assertThat(jdbc.sql("select valid_until from service_reminder where service_id = ? order by created_at")
			.param(id)
			.query(java.sql.Timestamp.class)
			.list()).extracting(java.sql.Timestamp::toInstant).containsExactly(expiry, renewed);
		assertThat(reminderMails()).last()
			.satisfies(mail -> assertThat(mail.text()).contains("Scade tra 90 giorni, il " + date(renewed)));
	}

	@Test
	void aCancelledServiceGetsNoReminder() {
		long id = activeService(reseller, "mario@cliente.it");
		Instant expiry = services.view(reseller, id).validUntil();
		staff.revoke(id, "Richiesta del cliente", "staff@test.it");
		at(expiry, 30);
		assertThat(reminders.remindDue().reminders()).isZero();
		at(expiry, 0);
		assertThat(reminders.remindDue().reminders()).isZero();
		assertThat(reminderMails()).isEmpty();
	}

	@Test
	void afterDaysWithoutARunOnlyTheMostRecentThresholdIsSent() {
		long soon = activeService(reseller, "mario@cliente.it");
		Instant expiry = services.view(reseller, soon).validUntil();
		// the job last ran 100 days before the expiry, and next 5 days before it
		at(expiry, 5);
		RenewalReminders.Run run = reminders.remindDue();

		assertThat(run.reminders()).isEqualTo(1);
		assertThat(rows(soon)).containsExactly(7);
		assertThat(jdbc.sql("select days_left from service_reminder where service_id = ?")
			.param(soon)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(reminderMails()).singleElement()
			.satisfies(mail -> assertThat(mail.text()).contains("Scade tra 5 giorni"));

		// an expiry 8 days past, never told: too late to be news, nothing sent
		at(expiry, -8);
		assertThat(reminders.remindDue().reminders()).isZero();
		// an e-invoicing plan expired 3 days ago, never told: told now, with its grace
		// days
		long plan = activePlan(reseller, "lucia@cliente.it");
		Instant planExpiry = services.view(reseller, plan).validUntil();
		at(planExpiry, -3);
		assertThat(reminders.remindDue().reminders()).isEqualTo(1);
		assertThat(rows(plan)).containsExactly(0);
		assertThat(reminderMails()).last()
			.satisfies(mail -> assertThat(mail.text()).contains("Scaduto il " + date(planExpiry),
					"Si può ancora rinnovare fino al " + dateTime(planExpiry.plus(Duration.ofDays(30)))));
	}

	@Test
	void twoRunsRacingSendOneEmail() throws Exception {
		for (int i = 0; i < 5; i++) {
			activeService(reseller, "cliente" + i + "@cliente.it");
		}
		long other = shop.reseller("other@test.it", "BASE", "100.00");
		long theirs = activeService(other, "paolo@cliente.it");
		at(services.view(other, theirs).validUntil(), 30);

		List<RenewalReminders.Run> runs = Race.run(2, i -> reminders.remindDue());

		assertThat(runs.stream().mapToInt(RenewalReminders.Run::reminders).sum()).isEqualTo(6);
		assertThat(runs.stream().mapToInt(RenewalReminders.Run::resellersMailed).sum()).isEqualTo(2);
		assertThat(reminderMails()).extracting(Mail::recipient)
			.containsExactlyInAnyOrder("owner@test.it", "other@test.it");
		assertThat(jdbc.sql("select count(*) from service_reminder").query(Long.class).single()).isEqualTo(6);
		assertThat(events.stream(ServiceExpiring.class)).hasSize(6);
	}

	@Test
	void theEndCustomerIsToldOnlyWhenTheResellerWantsItAndIsSentToTheReseller() {
		long other = shop.reseller("other@test.it", "BASE", "100.00");
		settings.notifyEndCustomers(reseller, true, "owner@test.it");
		long told = activeService(reseller, "mario@cliente.it");
		long autoRenewed = activeService(reseller, "lucia@cliente.it");
		services.changeAutoRenew(reseller, autoRenewed, true, "owner@test.it");
		long notTold = activeService(other, "paolo@cliente.it");
		Instant expiry = services.view(reseller, told).validUntil();

		at(expiry, 90);
		reminders.remindDue();
		assertThat(customerMails()).as("nothing at 90 days").isEmpty();

		at(expiry, 30);
		RenewalReminders.Run run = reminders.remindDue();
		assertThat(run.endCustomerNotices()).isEqualTo(1);
		assertThat(customerMails()).singleElement().satisfies(mail -> {
			assertThat(mail.recipient()).isEqualTo("mario@cliente.it");
			assertThat(mail.subject()).isEqualTo("Il tuo servizio Prodotto REMOTA sta per scadere");
			assertThat(mail.text()).contains("Gentile Mario Rossi,")
				.contains("il servizio Prodotto REMOTA che ti ha fornito Azienda owner@test.it scade il " + date(expiry)
						+ " (tra 30 giorni)")
				.contains("contatta Azienda owner@test.it")
				.contains("Referente owner@test.it")
				.contains("owner@test.it")
				.contains("non contiene link di pagamento");
			assertNoShopLink(mail);
		});
		assertThat(mailTo(reminderMails(), "owner@test.it").text()).as("the reseller is told as usual")
			.contains("lucia@cliente.it")
			.contains("Rinnovo automatico: attivo")
			.contains("rinnovati dal tuo credito");

		// the automatic renewal did not happen (the test does not run it): on the expiry
		// day both customers are told
		at(expiry, 0);
		reminders.remindDue();
		assertThat(customerMails()).hasSize(3).extracting(Mail::recipient).contains("lucia@cliente.it");
		assertThat(customerMails()).last().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("Il tuo servizio Prodotto REMOTA è scaduto");
			assertThat(mail.text()).contains("scade oggi, " + date(expiry));
			assertNoShopLink(mail);
		});
		assertThat(customerMails()).extracting(Mail::recipient).doesNotContain("paolo@cliente.it");
		assertThat(jdbc.sql("select count(*) from service_reminder where customer_notified and service_id = ?")
			.param(notTold)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from service_reminder where customer_notified").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void aResellerWhoChoseEnglishIsWrittenToInEnglish() {
		jdbc.sql("update user_account set preferred_locale = 'en' where email = 'owner@test.it'").update();
		long id = activeService(reseller, "mario@cliente.it");
		Instant expiry = services.view(reseller, id).validUntil();
		at(expiry, 7);
		reminders.remindDue();

		assertThat(reminderMails()).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("Renewal reminder: 1 service to renew");
			assertThat(mail.text()).contains("Dear Referente owner@test.it")
				.contains("Expires in 7 days, on " + date(expiry))
				.contains("Automatic renewal: off")
				.contains("See the services expiring");
		});
	}

	private static void assertNoShopLink(Mail mail) {
		assertThat(mail.text()).doesNotContain("http").doesNotContain("/account").doesNotContain("/cart");
		assertThat(mail.html()).doesNotContain("http").doesNotContain("/account").doesNotContain("/checkout");
	}

	record Mail(String recipient, String subject, String text, String html) {
	}

	private List<Mail> reminderMails() {
		return mails("RENEWAL_REMINDER");
	}

	private List<Mail> customerMails() {
		return mails("RENEWAL_NOTICE_CUSTOMER");
	}

	private List<Mail> mails(String kind) {
		return jdbc.sql("select recipient, subject, body_text, body_html from mail_outbox where kind = ? order by id")
			.param(kind)
			.query((rs, i) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private static Mail mailTo(List<Mail> mails, String recipient) {
		return mails.stream().filter(mail -> mail.recipient().equals(recipient)).reduce((a, b) -> b).orElseThrow();
	}

	private List<Integer> rows(long serviceId) {
		return jdbc.sql("select threshold from service_reminder where service_id = ? order by created_at")
			.param(serviceId)
			.query(Integer.class)
			.list();
	}

	/** Moves the clock to {@code days} calendar days before {@code expiry}, same time. */
	private void at(Instant expiry, int days) {
		activated.moveTo(expiry.atZone(Formats.SHOP_ZONE).minusDays(days).toInstant());
	}

	private static String date(Instant instant) {
		return new Formats().date(instant);
	}

	private static String dateTime(Instant instant) {
		return new Formats().dateTime(instant);
	}

	private long activeService(long resellerId, String email) {
		return activated.buyAndActivate(resellerId, "REMOTA", SPID, email);
	}

	private long activePlan(long resellerId, String email) {
		return activated.buyAndActivate(resellerId, "FE1", IdentificationMode.NONE, email);
	}

}
