package it.rivendo.services;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.EntryKind;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.Race;
import it.rivendo.support.SecondInstance;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Rinnovo automatico" on two instances of the shop (issue #16): two Spring contexts on
 * one database, each with its own beans, connection pool and scheduler, living at the
 * same moved time. Both run the daily job at once: each due service is renewed once and
 * the credit is debited once; a short credit is mailed once; a manual "Rinnova" paid on
 * one instance while the other's job runs renews once.
 */
class AutoRenewalTwoInstancesIT extends RenewalTest {

	/** A renewal of the remote signature at the BASE tier: 39,00 € + 22% VAT. */
	private static final Money RENEWAL = Money.of("47.58");

	private static ConfigurableApplicationContext second;

	@Autowired
	ScheduledJobs jobsOnA;

	@Autowired
	AutoRenewals autoRenewalsOnA;

	long reseller;

	@BeforeEach
	void secondInstanceAndShop() {
		if (second == null) {
			second = SecondInstance.start(clock);
		}
		reseller = activated.remoteSignatureShop().id();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void bothInstancesRunningTheJobAtTheSameMomentRenewEachDueServiceOnceAndDebitOnce() throws Exception {
		assertThat(second.getBean(AutoRenewals.class)).isNotSameAs(autoRenewalsOnA);
		assertThat(second.getBean(Clock.class)).as("the moved clock").isSameAs(clock);

		List<Long> due = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long id = activated.remoteSignature(reseller);
			services.changeAutoRenew(reseller, id, true, "owner@test.it");
			due.add(id);
		}
		long manualOnly = activated.remoteSignature(reseller); // renewable, but without
																// automatic renewal
		Instant manualExpiry = services.view(reseller, manualOnly).validUntil();
		Map<Long, Instant> expiries = new LinkedHashMap<>();
		due.forEach(id -> expiries.put(id, services.view(reseller, id).validUntil()));
		Instant expiry = expiries.get(due.get(0));
		credit.credit(reseller, EntryKind.TOPUP, Money.of("300.00"), "TEST", "Ricarica", "test");
		Money before = credit.balanceOf(reseller);

		activated.moveTo(expiry.minus(Duration.ofDays(10)));
		ScheduledJobs jobsOnB = second.getBean(ScheduledJobs.class);
		List<Boolean> succeeded = Race.run(2, i -> (i == 0 ? jobsOnA : jobsOnB).runNow("AutoRenewals.run"));

		assertThat(succeeded).containsExactly(true, true);
		assertThat(activated.renewals()).isEqualTo(6);
		assertThat(jdbc.sql("select service_id from service_renewal where automatic order by service_id")
			.query(Long.class)
			.list()).containsExactlyElementsOf(due);
		for (long id : due) {
			assertThat(services.view(reseller, id).validUntil()).as("service %d", id)
				.isEqualTo(renewedFrom(expiries.get(id)));
		}
		assertThat(services.view(reseller, manualOnly).validUntil()).isEqualTo(manualExpiry);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(RENEWAL.times(6)));
		assertThat(renewalDebits()).hasSize(6).allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("-47.58"));
		assertThat(count("select count(*) from purchase_order where checkout_token like 'auto-renew-%'")).isEqualTo(6);
		assertThat(count("select count(*) from invoice_document where kind = 'INVOICE' and order_number in "
				+ "(select order_number from service_renewal)"))
			.isEqualTo(6);
		assertThat(count("select count(*) from mail_outbox where kind = 'PURCHASE' and reference in "
				+ "(select order_number from service_renewal)"))
			.isEqualTo(6);

		// both again, the same day and the next: nothing more
		AutoRenewals onB = second.getBean(AutoRenewals.class);
		assertThat(Race.run(2, i -> (i == 0 ? autoRenewalsOnA : onB).renewDue().renewed())).containsExactly(0, 0);
		clock.advance(Duration.ofDays(1));
		assertThat(Race.run(2, i -> (i == 0 ? autoRenewalsOnA : onB).renewDue().renewed())).containsExactly(0, 0);
		assertThat(activated.renewals()).isEqualTo(6);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(RENEWAL.times(6)));
	}

	@Test
	void aShortCreditOnBothInstancesRenewsNothingAndMailsOnce() throws Exception {
		long poor = shop.reseller("poor@test.it", "BASE", "100.00");
		long first = activated.remoteSignature(poor);
		long second = activated.remoteSignature(poor); // 2 × 47.58 paid: 4.84 left
		services.changeAutoRenew(poor, first, true, "poor@test.it");
		services.changeAutoRenew(poor, second, true, "poor@test.it");
		activated.moveTo(services.view(poor, second).validUntil().minus(Duration.ofDays(30)));

		AutoRenewals onB = AutoRenewalTwoInstancesIT.second.getBean(AutoRenewals.class);
		List<AutoRenewals.Run> runs = Race.run(2, i -> (i == 0 ? autoRenewalsOnA : onB).renewDue());

		assertThat(runs).extracting(AutoRenewals.Run::renewed).containsExactly(0, 0);
		assertThat(runs.stream().mapToInt(AutoRenewals.Run::noticesSent).sum()).isEqualTo(1);
		assertThat(activated.renewals()).isZero();
		assertThat(credit.balanceOf(poor)).isEqualTo(Money.of("4.84"));
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'AUTO_RENEW_SHORT'")
			.query(String.class)
			.list()).singleElement().satisfies(text -> assertThat(text).contains("Ricarica almeno 90,32"));
	}

	@Test
	void aManualRenewalPaidOnOneInstanceWhileTheOtherRunsTheJobRenewsOnce() throws Exception {
		long id = activated.remoteSignature(reseller);
		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		Instant expiry = services.view(reseller, id).validUntil();
		activated.moveTo(expiry.minus(Duration.ofDays(20)));
		second.getBean(PurchasedServices.class).addRenewalsToCart(shop.owner(reseller), List.of(id));
		Money before = credit.balanceOf(reseller);
		Money cartTotal = carts.view(shop.owner(reseller)).totals().total();
		assertThat(cartTotal).isEqualTo(RENEWAL);
		CheckoutService checkoutOnB = second.getBean(CheckoutService.class);

		List<String> outcomes = Race.run(2, i -> {
			if (i == 1) {
				return autoRenewalsOnA.renewDue().toString();
			}
			try {
				return checkoutOnB
					.pay(new PaymentRequest(reseller, UUID.randomUUID().toString(), TestShop.CUSTOMER, cartTotal, false,
							"owner@test.it", shop.owner(reseller).userId()))
					.orderNumber();
			}
			catch (Refusal refused) {
				return refused.messageKey();
			}
		});

		assertThat(activated.renewals()).as(outcomes.toString()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(RENEWAL));
		assertThat(renewalDebits()).hasSize(1);
		assertThat(services.view(reseller, id).validUntil()).isEqualTo(renewedFrom(expiry));
	}

	/** The ledger's debits for renewal orders. */
	private List<BigDecimal> renewalDebits() {
		return jdbc.sql("""
				select amount from credit_entry
				where kind = 'PURCHASE' and reference in (select order_number from service_renewal)""")
			.query(BigDecimal.class)
			.list();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static Instant renewedFrom(Instant expiry) {
		return expiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS);
	}

}
