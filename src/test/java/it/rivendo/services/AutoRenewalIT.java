package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.credit.EntryKind;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Rinnovo automatico" (issue #16): the daily job renews from the credit in the last 30
 * days before expiry, once; a short credit charges nothing and mails once a day; it races
 * a manual "Rinnova" and a second run of itself without renewing twice (two Spring
 * contexts: {@link AutoRenewalTwoInstancesIT}). The clock moves through the Spring beans;
 * the job runs when the test calls it.
 */
class AutoRenewalIT extends RenewalTest {

	@Autowired
	AutoRenewals autoRenewals;

	@Autowired
	ScheduledJobs jobs;

	@BeforeEach
	void setUp() {
		openRemoteSignatureShop();
	}

	@Test
	void theResellerTurnsItOnAndItIsInTheHistoryAndTheAuditTrail() throws Exception {
		long id = activeService();
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(Matchers.containsString("Attiva il rinnovo automatico")));

		mvc.perform(post("/account/services/" + id + "/auto-renew").param("on", "true").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/account/services/" + id))
			.andExpect(flash().attribute("success", "services.autoRenew.enabled"));

		assertThat(services.view(reseller, id).autoRenew()).isTrue();
		assertThat(services.history(reseller, id)).extracting(ServiceHistoryEntry::kind).contains("AUTO_RENEW_ON");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SERVICE_AUTO_RENEW_ON' and actor = ?")
			.param("owner@test.it")
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(Matchers.containsString("Disattiva il rinnovo automatico")));

		long other = shop.reseller("other@test.it", "BASE", "0");
		mvc.perform(post("/account/services/" + id + "/auto-renew").param("on", "false")
			.with(user(shop.userOf(other, "other@test.it")))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(services.view(reseller, id).autoRenew()).isTrue();

		String order = shop.buy(reseller, "REMOTA", SPID, 1);
		long notActive = activated.serviceOf(order);
		mvc.perform(post("/account/services/" + notActive + "/auto-renew").param("on", "true")
			.with(user(owner))
			.with(csrf()))
			.andExpect(redirectedUrl("/account/services/" + notActive))
			.andExpect(flash().attribute("error", "service.error.autoRenewNotPossible"));
	}

	@Test
	void itRenewsOnceWhenTheServiceEntersItsLastThirtyDays() {
		long id = activeService();
		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		Instant expiry = services.view(reseller, id).validUntil();
		Money before = credit.balanceOf(reseller);

		activated.moveTo(expiry.minus(Duration.ofDays(31)));
		assertThat(autoRenewals.renewDue().renewed()).isZero();
		assertThat(activated.renewals()).isZero();

		activated.moveTo(expiry.minus(Duration.ofDays(30)));
		assertThat(jobs.runNow("AutoRenewals.run")).isTrue();

		Instant renewedUntil = expiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant();
		assertThat(services.view(reseller, id).validUntil()).isEqualTo(renewedUntil.truncatedTo(ChronoUnit.MICROS));
		assertThat(jdbc.sql("select automatic from service_renewal where service_id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));
		String number = jdbc.sql("select order_number from service_renewal").query(String.class).single();
		assertThat(jdbc.sql("select count(*) from invoice_document where order_number = ? and kind = 'INVOICE'")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'PURCHASE' and reference = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select company_name from purchase_order where number = ?")
			.param(number)
			.query(String.class)
			.single()).as("billed to whom the service was bought for").isEqualTo(TestShop.CUSTOMER.companyName());

		// the same day again, and the following days: nothing more
		assertThat(autoRenewals.renewDue().renewed()).isZero();
		clock.advance(Duration.ofDays(1));
		assertThat(autoRenewals.renewDue().renewed()).isZero();
		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));
	}

	@Test
	void aShortCreditRenewsNothingAndMailsOnceADayUntilTheResellerTopsUp() {
		long poor = shop.reseller("poor@test.it", "BASE", "60.00");
		long id = activeService(poor); // 47.58 paid: 12.42 left
		services.changeAutoRenew(poor, id, true, "poor@test.it");
		Instant expiry = services.view(poor, id).validUntil();

		activated.moveTo(expiry.minus(Duration.ofDays(30)));
		AutoRenewals.Run first = autoRenewals.renewDue();
		autoRenewals.renewDue(); // a second run the same day

		assertThat(first.shortOfCredit()).isEqualTo(1);
		assertThat(activated.renewals()).isZero();
		assertThat(credit.balanceOf(poor)).isEqualTo(Money.of("12.42"));
		assertThat(shortMails(poor)).singleElement().satisfies(text -> {
			assertThat(text).contains("Ricarica almeno 35,16");
			assertThat(text).contains("servono 47,58").contains("12,42");
		});

		clock.advance(Duration.ofDays(1));
		autoRenewals.renewDue();
		assertThat(shortMails(poor)).hasSize(2);
		assertThat(activated.renewals()).isZero();

		credit.credit(poor, EntryKind.TOPUP, Money.of("100.00"), "TEST", "Ricarica", "test");
		clock.advance(Duration.ofDays(1));
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);
		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(shortMails(poor)).hasSize(2);
		assertThat(credit.balanceOf(poor)).isEqualTo(Money.of("64.84"));
	}

	@Test
	void racingAManualRenewalItRenewsOnce() throws Exception {
		long id = activeService();
		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		Instant expiry = services.view(reseller, id).validUntil();
		activated.moveTo(expiry.minus(Duration.ofDays(20)));
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		Money before = credit.balanceOf(reseller);
		Money cartTotal = carts.view(shop.owner(reseller)).totals().total();

		Race.run(2, i -> {
			if (i == 0) {
				try {
					return checkout
						.pay(new PaymentRequest(reseller, UUID.randomUUID().toString(), TestShop.CUSTOMER, cartTotal,
								false, "owner@test.it", shop.owner(reseller).userId()))
						.orderNumber();
				}
				catch (Refusal refused) {
					return refused.messageKey();
				}
			}
			return autoRenewals.renewDue().toString();
		});

		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));
		assertThat(services.view(reseller, id).validUntil())
			.isEqualTo(expiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void twoRunsOfTheJobAtOnceRenewOnce() throws Exception {
		long first = activeService();
		long second = activeService();
		services.changeAutoRenew(reseller, first, true, "owner@test.it");
		services.changeAutoRenew(reseller, second, true, "owner@test.it");
		activated.moveTo(services.view(reseller, second).validUntil().minus(Duration.ofDays(10)));
		Money before = credit.balanceOf(reseller);

		List<AutoRenewals.Run> runs = Race.run(2, i -> autoRenewals.renewDue());

		assertThat(runs.stream().mapToInt(AutoRenewals.Run::renewed).sum()).isEqualTo(2);
		assertThat(activated.renewals()).isEqualTo(2);
		assertThat(jdbc.sql("select count(distinct service_id) from service_renewal").query(Long.class).single())
			.isEqualTo(2);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("95.16")));
	}

	@Test
	void resellersAreRenewedSideBySideEachOnesServicesSoonestFirst() {
		long other = shop.reseller("other@test.it", "BASE", "500.00");
		long poor = shop.reseller("poor@test.it", "BASE", "155.16"); // 60.00 left after
																		// two purchases
		List<Long> mine = List.of(activeService(), activeService());
		List<Long> theirs = List.of(activeService(other), activeService(other));
		long poorFirst = activeService(poor);
		clock.advance(Duration.ofDays(1));
		long poorSecond = activeService(poor); // expires a day later
		for (long id : mine) {
			services.changeAutoRenew(reseller, id, true, "owner@test.it");
		}
		for (long id : theirs) {
			services.changeAutoRenew(other, id, true, "other@test.it");
		}
		services.changeAutoRenew(poor, poorSecond, true, "poor@test.it");
		services.changeAutoRenew(poor, poorFirst, true, "poor@test.it");
		Money mineBefore = credit.balanceOf(reseller);
		Money theirsBefore = credit.balanceOf(other);
		activated.moveTo(services.view(poor, poorSecond).validUntil().minus(Duration.ofDays(10)));

		AutoRenewals.Run run = autoRenewals.renewDue();

		assertThat(run).isEqualTo(new AutoRenewals.Run(5, 1, 0, 1));
		assertThat(credit.balanceOf(reseller)).isEqualTo(mineBefore.minus(Money.of("95.16")));
		assertThat(credit.balanceOf(other)).isEqualTo(theirsBefore.minus(Money.of("95.16")));
		// the credit went to the service that expires first
		assertThat(credit.balanceOf(poor)).isEqualTo(Money.of("12.42"));
		assertThat(jdbc.sql("select service_id from service_renewal where service_id in (?, ?)")
			.param(poorFirst)
			.param(poorSecond)
			.query(Long.class)
			.list()).containsExactly(poorFirst);
		assertThat(shortMails(poor)).singleElement().asString().contains("servono 47,58");
		assertThat(jdbc.sql("select count(distinct service_id) from service_renewal").query(Long.class).single())
			.isEqualTo(5);
		assertThat(autoRenewals.renewDue()).isEqualTo(new AutoRenewals.Run(0, 1, 0, 0)); // again:
																							// nothing
																							// twice
	}

	@Test
	void aResellerWhoseRenewalFailsStopsOnlyItsOwnTheOthersAreRenewedAndToldAndTheJobFails() {
		long other = shop.reseller("other@test.it", "BASE", "500.00");
		long poor = shop.reseller("poor@test.it", "BASE", "60.00"); // 12.42 left
		long mine = activeService();
		long theirs = activeService(other);
		long poorOne = activeService(poor);
		services.changeAutoRenew(reseller, mine, true, "owner@test.it");
		services.changeAutoRenew(other, theirs, true, "other@test.it");
		services.changeAutoRenew(poor, poorOne, true, "poor@test.it");
		Money mineBefore = credit.balanceOf(reseller);
		activated.moveTo(services.view(poor, poorOne).validUntil().minus(Duration.ofDays(10)));
		// this reseller's orders cannot be written: what the job does not expect
		jdbc.sql("""
				create function fail_orders_of_one_reseller() returns trigger language plpgsql as $$
				begin
				    if new.reseller_id = %d then raise exception 'the database refused this order'; end if;
				    return new;
				end $$""".formatted(reseller)).update();
		jdbc.sql("""
				create trigger fail_orders_of_one_reseller before insert on purchase_order
				for each row execute function fail_orders_of_one_reseller()""").update();
		try {
			assertThatThrownBy(() -> autoRenewals.renewDue())
				.hasStackTraceContaining("the database refused this order");
		}
		finally {
			jdbc.sql("drop trigger fail_orders_of_one_reseller on purchase_order").update();
			jdbc.sql("drop function fail_orders_of_one_reseller()").update();
		}

		assertThat(jdbc.sql("select service_id from service_renewal").query(Long.class).list()).containsExactly(theirs);
		assertThat(shortMails(poor)).hasSize(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(mineBefore);
		// the next run renews it
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(mineBefore.minus(Money.of("47.58")));
	}

	private List<String> shortMails(long resellerId) {
		return jdbc.sql("select body_text from mail_outbox where kind = 'AUTO_RENEW_SHORT' and reference like ?")
			.param("reseller-" + resellerId + "-%")
			.query(String.class)
			.list();
	}

	private long activeService() {
		return activeService(reseller);
	}

	private long activeService(long resellerId) {
		return activated.remoteSignature(resellerId);
	}

}
