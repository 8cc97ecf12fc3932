package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Money under load and faults, against the real PostgreSQL: many concurrent checkouts
 * over shared accounts, top-ups racing checkouts, a seeded random walk of the ledger, and
 * failures injected inside the payment transaction. The figures are written to the test
 * output and collected in docs/reliability.md.
 */
@IntegrationTest
@Import(MoneyUnderLoadIT.Faults.class)
class MoneyUnderLoadIT {

	static final BillingDetails CUSTOMER = CheckoutServiceIT.CUSTOMER;

	@Autowired
	CheckoutService checkout;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger ledger;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Faults faults;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("F");
		shop.product("TEN", "F", "0.00", SPID, "10.00");
		faults.mode = Fault.NONE;
	}

	@AfterEach
	void noFault() {
		faults.mode = Fault.NONE;
	}

	@Test
	void twoHundredTenConcurrentCheckoutsOverSharedAccountsKeepEveryInvariant() throws Exception {
		List<Long> resellers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			resellers.add(shop.reseller("load" + i + "@test.it", "BASE", i < 5 ? "25.00" : "75.00"));
		}
		// resellers 0-4: one session each; resellers 5-9: about 41 sessions each, all
		// paying the same account
		AtomicInteger paid = new AtomicInteger();
		AtomicInteger refusedForCredit = new AtomicInteger();
		AtomicInteger refusedOther = new AtomicInteger();
		Race.run(210, task -> {
			long reseller = task < 5 ? resellers.get(task) : resellers.get(5 + task % 5);
			carts.add(shop.owner(reseller), "TEN", SPID, 1);
			String token = UUID.randomUUID().toString();
			for (int attempt = 0; attempt < 5; attempt++) { // like a person: look at the
															// new total, confirm again
				try {
					CartView cart = carts.view(shop.owner(reseller));
					checkout.pay(new PaymentRequest(reseller, token, CUSTOMER, cart.totals().total(), false, "load",
							shop.owner(reseller).userId()));
					paid.incrementAndGet();
					return null;
				}
				catch (InsufficientCreditException ex) {
					refusedForCredit.incrementAndGet();
					return null;
				}
				catch (CheckoutRefusedException ex) {
					refusedOther.incrementAndGet(); // the cart changed or was paid by
													// another session: nothing charged
				}
			}
			return null;
		});

		for (long reseller : resellers) {
			Money balance = ledger.balanceOf(reseller);
			assertThat(balance.isNegative()).isFalse();
			assertThat(ledger.sumOfEntries(reseller)).as("ledger = balance for " + reseller).isEqualTo(balance);
			BigDecimal spent = jdbc
				.sql("select coalesce(sum(total_amount), 0) from purchase_order where reseller_id = ?")
				.param(reseller)
				.query(BigDecimal.class)
				.single();
			BigDecimal opening = jdbc.sql("select amount from credit_entry where reseller_id = ? and kind = 'TOPUP'")
				.param(reseller)
				.query(BigDecimal.class)
				.single();
			assertThat(balance.amount()).isEqualByComparingTo(opening.subtract(spent));
		}
		long orders = count("purchase_order");
		long units = jdbc.sql("select coalesce(sum(quantity), 0) from order_line").query(Long.class).single();
		assertThat(orders).isEqualTo(paid.get());
		assertThat(count("purchased_service")).isEqualTo(units);
		assertThat(count("mail_outbox where kind = 'PURCHASE'")).isEqualTo(orders);
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isEqualTo(orders);
		// the single-session resellers could afford 2 units each (they asked for 1); the
		// shared accounts 7
		assertThat(units).isLessThanOrEqualTo(5 * 1 + 5 * 7);
		assertThat(count(
				"purchase_order where reseller_id in (select reseller_id from credit_entry where amount = 25.00)"))
			.isEqualTo(5);
		System.out.printf("[reliability] contention: 210 checkouts, 10 resellers (5 shared by ~41 sessions): "
				+ "%d paid (%d units), %d refused for credit, %d refused as the cart changed, 0 invariant broken%n",
				paid.get(), units, refusedForCredit.get(), refusedOther.get());
	}

	@Test
	void topUpsRacingCheckoutsFromZeroNeverGoBelowZero() throws Exception {
		long reseller = shop.reseller("zero@test.it", "BASE", "0");
		carts.add(shop.owner(reseller), "TEN", SPID, 1);
		CartView oneUnit = carts.view(shop.owner(reseller)); // each checkout below pays
																// one unit of
		// 10.00
		AtomicInteger paid = new AtomicInteger();
		Race.run(40, task -> {
			if (task % 4 == 0) {
				ledger.credit(reseller, EntryKind.TOPUP, Money.of("10.00"), "T" + task, "ricarica", "test");
				return null;
			}
			for (int attempt = 0; attempt < 200; attempt++) { // keep trying while top-ups
																// arrive
				try {
					checkout.placeOrder(new PaymentRequest(reseller, UUID.randomUUID().toString(), CUSTOMER,
							oneUnit.totals().total(), false, "race", shop.owner(reseller).userId()), oneUnit);
					paid.incrementAndGet();
					return null;
				}
				catch (InsufficientCreditException ex) {
					Thread.onSpinWait(); // nothing charged; try again
				}
			}
			return null;
		});
		Money credits = Money.of("100.00"); // 10 top-ups of 10.00
		BigDecimal debits = jdbc.sql("select coalesce(-sum(amount), 0) from credit_entry where kind = 'PURCHASE'")
			.query(BigDecimal.class)
			.single();
		assertThat(ledger.balanceOf(reseller).isNegative()).isFalse();
		assertThat(ledger.balanceOf(reseller).amount()).isEqualByComparingTo(credits.amount().subtract(debits));
		assertThat(ledger.sumOfEntries(reseller)).isEqualTo(ledger.balanceOf(reseller));
		assertThat(debits).isEqualByComparingTo(BigDecimal.valueOf(paid.get() * 10L));
		assertThat(paid.get()).isBetween(1, 10);
		System.out.printf("[reliability] top-ups racing checkouts: 10 top-ups, 30 checkout sessions, %d paid, "
				+ "final balance %s = 100.00 - %s%n", paid.get(), ledger.balanceOf(reseller), debits);
	}

	@Test
	void aSeededRandomWalkOfTheLedgerKeepsBalanceEqualToEntriesAndRepeatsItself() {
		long seed = 20261125L;
		String first = walk(seed, shop.reseller("walk1@test.it", "BASE", "0"), 1500);
		String second = walk(seed, shop.reseller("walk2@test.it", "BASE", "0"), 1500);
		assertThat(second).isEqualTo(first);
		System.out.printf("[reliability] property: 2 x 1500 random ledger steps (seed %d), balance = sum of "
				+ "entries after every step, both runs ended %s%n", seed, first);
	}

	/**
	 * Random top-ups, purchases, refunds of earlier purchases and negative adjustments;
	 * checks after each step.
	 */
	private String walk(long seed, long reseller, int steps) {
		Random random = new Random(seed);
		List<Money> refundable = new ArrayList<>();
		int refused = 0;
		for (int step = 0; step < steps; step++) {
			Money amount = Money.of(BigDecimal.valueOf(1 + random.nextInt(50_000), 2));
			switch (random.nextInt(4)) {
				case 0 -> ledger.credit(reseller, EntryKind.TOPUP, amount, "T", "ricarica", "walk");
				case 1 -> {
					try {
						ledger.debit(reseller, EntryKind.PURCHASE, amount, "O", "ordine", "walk");
						refundable.add(amount);
					}
					catch (InsufficientCreditException ex) {
						refused++;
					}
				}
				case 2 -> {
					if (!refundable.isEmpty()) {
						Money refund = refundable.remove(random.nextInt(refundable.size()));
						ledger.credit(reseller, EntryKind.REFUND, refund, "R", "rimborso", "walk");
					}
				}
				default -> {
					try {
						ledger.debit(reseller, EntryKind.ADJUSTMENT, amount, "A", "rettifica", "walk");
					}
					catch (InsufficientCreditException ex) {
						refused++;
					}
				}
			}
			Money balance = ledger.balanceOf(reseller);
			assertThat(balance.isNegative()).isFalse();
			assertThat(ledger.sumOfEntries(reseller)).as("after step " + step).isEqualTo(balance);
		}
		return ledger.balanceOf(reseller) + " with " + refused + " refusals";
	}

	@Test
	void anExceptionAfterTheDebitLeavesNothingBehind() {
		long reseller = shop.reseller("fault@test.it", "BASE", "100.00");
		carts.add(shop.owner(reseller), "TEN", SPID, 2);
		faults.mode = Fault.THROW;
		assertThatThrownBy(() -> pay(reseller)).hasMessageContaining("injected");
		assertNothingChanged(reseller);
		faults.mode = Fault.NONE;
		pay(reseller);
		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.of("80.00"));
	}

	@Test
	void aDatabaseConnectionKilledInTheMiddleLeavesNothingBehind() {
		long reseller = shop.reseller("kill@test.it", "BASE", "100.00");
		carts.add(shop.owner(reseller), "TEN", SPID, 2);
		faults.mode = Fault.KILL_CONNECTION;
		assertThatThrownBy(() -> pay(reseller)).isInstanceOf(RuntimeException.class);
		faults.mode = Fault.NONE;
		assertNothingChanged(reseller);
		pay(reseller); // the pool hands out a healthy connection again
		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.of("80.00"));
		System.out.println("[reliability] faults: exception after the debit and pg_terminate_backend inside the "
				+ "payment transaction: 0 orders, 0 debits, 0 services, 0 e-mails left behind; next payment succeeds");
	}

	private void pay(long reseller) {
		checkout.pay(new PaymentRequest(reseller, UUID.randomUUID().toString(), CUSTOMER,
				carts.view(shop.owner(reseller)).totals().total(), false, "fault", shop.owner(reseller).userId()));
	}

	private void assertNothingChanged(long reseller) {
		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.of("100.00"));
		assertThat(ledger.sumOfEntries(reseller)).isEqualTo(Money.of("100.00"));
		assertThat(count("purchase_order")).isZero();
		assertThat(count("order_line")).isZero();
		assertThat(count("purchased_service")).isZero();
		assertThat(count("mail_outbox")).isZero();
		assertThat(carts.view(shop.owner(reseller)).itemCount()).isEqualTo(2);
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

	enum Fault {

		NONE, THROW, KILL_CONNECTION

	}

	/**
	 * Breaks the payment transaction after the order, the debit and the services were
	 * written.
	 */
	@TestConfiguration
	static class Faults {

		volatile Fault mode = Fault.NONE;

		@Bean
		FaultyListener faultyListener(JdbcClient jdbc) {
			return new FaultyListener(this, jdbc);
		}

	}

	static class FaultyListener {

		private final Faults faults;

		private final JdbcClient jdbc;

		FaultyListener(Faults faults, JdbcClient jdbc) {
			this.faults = faults;
			this.jdbc = jdbc;
		}

		@EventListener
		void on(OrderPlaced order) {
			switch (faults.mode) {
				case THROW -> throw new IllegalStateException("injected failure after the debit");
				case KILL_CONNECTION -> jdbc.sql("select pg_terminate_backend(pg_backend_pid())").query().listOfRows();
				default -> {
				}
			}
		}

	}

}
