package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.catalog.Catalog;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.MutableClock;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An Operatore's monthly spending limit (issue 17), held at payment on every path
 * (checkout, bulk and API orders through {@link CheckoutService#payBatch}) and under
 * concurrency, like the credit: the sums in the database never pass the limit nor the
 * balance. Each unit of TEN costs € 10.00, VAT-free.
 */
@WebIntegrationTest
class SpendingLimitsIT {

	@Autowired
	CheckoutService checkout;

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	CartService carts;

	@Autowired
	Catalog catalog;

	@Autowired
	CreditLedger credit;

	@Autowired
	TestShop shop;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	long reseller;

	ShopUser operator;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("TEN", "FIRMA", "0.00", SPID, "10.00");
		reseller = shop.reseller("owner@test.it", "BASE", "1000.00");
		operator = shop.member(reseller, "operatore@test.it", TeamRole.OPERATOR, "100.00", true);
	}

	@Test
	void anOperatorBuysUpToItsLimitAndIsRefusedAboveItWithNothingCharged() {
		pay(operator, 9);
		units(2);

		assertThatThrownBy(() -> pay(operator, 0)).isInstanceOfSatisfying(SpendingLimitExceededException.class,
				refused -> {
					assertThat(refused.messageKey()).isEqualTo("checkout.limit.exceeded");
					assertThat(refused.allowance().remaining()).isEqualTo(Money.of("10.00"));
				});
		assertThat(ordersOf(operator)).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("910.00"));
		assertThat(carts.view(operator).totals().total()).isEqualTo(Money.of("20.00"));

		units(1);
		pay(operator, 0); // exactly to the limit
		assertThat(spentBy(operator)).isEqualByComparingTo("100.00");
		assertThat(jdbc.sql("select count(*) from purchase_order where placed_by_user_id is null")
			.query(Long.class)
			.single()).isZero();

		// the Titolare has no limit; nor does a payment the shop makes by itself
		pay(shop.owner(reseller), 50);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("400.00"));
	}

	@Test
	void aCancelledOrderGivesItsAmountBackAndANewMonthStartsAfresh() {
		String first = pay(operator, 10);
		assertThatThrownBy(() -> pay(operator, 1)).isInstanceOf(SpendingLimitExceededException.class);
		units(0);

		cancellation.cancel(first, "Errore di inserimento", "staff@test.it");
		pay(operator, 10);

		// 00:00 of the next month in Italy, whatever the server's zone
		Instant nextMonth = YearMonth.now(clock.withZone(Formats.SHOP_ZONE))
			.plusMonths(1)
			.atDay(1)
			.atStartOfDay(Formats.SHOP_ZONE)
			.toInstant();
		clock.advance(Duration.between(clock.instant(), nextMonth).minusMinutes(1));
		assertThatThrownBy(() -> pay(operator, 1)).isInstanceOf(SpendingLimitExceededException.class);
		units(0);
		clock.advance(Duration.ofMinutes(2));
		pay(operator, 10);
		assertThat(ordersOf(operator)).isEqualTo(3);
	}

	@Test
	void oneOperatorInTenTabsPaysAtMostItsLimit() throws Exception {
		List<String> outcomes = Race.run(10, tab -> payBatch(operator, 3));

		assertThat(outcomes).containsOnly("paid", "limit");
		assertThat(outcomes.stream().filter("paid"::equals).count()).isEqualTo(3);
		assertThat(spentBy(operator)).isEqualByComparingTo("90.00");
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("910.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
	}

	@Test
	void twoOperatorsPayingAtOnceKeepEachTheirLimitAndTogetherTheBalance() throws Exception {
		long tight = shop.reseller("tight@test.it", "BASE", "150.00");
		ShopUser anna = shop.member(tight, "anna@test.it", TeamRole.OPERATOR, "100.00", true);
		ShopUser luca = shop.member(tight, "luca@test.it", TeamRole.OPERATOR, "100.00", true);

		List<String> outcomes = Race.run(12, i -> payBatch(i % 2 == 0 ? anna : luca, 3));

		// each may spend 90 (three orders of 30), together 180: the 150 of credit runs
		// out first, after exactly five orders
		assertThat(outcomes).containsOnly("paid", "limit", "credit");
		assertThat(outcomes.stream().filter("paid"::equals).count()).isEqualTo(5);
		assertThat(spentBy(anna)).isLessThanOrEqualTo(new BigDecimal("100.00"));
		assertThat(spentBy(luca)).isLessThanOrEqualTo(new BigDecimal("100.00"));
		assertThat(spentBy(anna).add(spentBy(luca))).isEqualByComparingTo("150.00");
		assertThat(credit.balanceOf(tight)).isEqualTo(Money.ZERO);
		assertThat(credit.sumOfEntries(tight)).isEqualTo(Money.ZERO);
	}

	@Test
	void aUserNoLongerAllowedToBuyIsRefused() {
		jdbc.sql("update user_account set team_status = 'DISABLED' where id = ?").param(operator.userId()).update();
		units(1);

		assertThatThrownBy(() -> pay(operator, 0)).isInstanceOfSatisfying(Refusal.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("checkout.spender.notAllowed"));
		assertThat(ordersOf(operator)).isZero();
	}

	@Test
	void theCheckoutPageSaysWhatIsLeftAndRefusesATotalAboveIt() throws Exception {
		Cookie session = TestShop.login(mvc, "operatore@test.it");
		pay(operator, 7);
		units(2);
		mvc.perform(get("/checkout").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ti restano € 30,00")));
		units(4);

		mvc.perform(TestShop.checkoutForm("tok-limit", "40.00").cookie(session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Limite mensile superato: ti restano € 30,00 questo mese")));
		assertThat(ordersOf(operator)).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("930.00"));

		units(3);
		mvc.perform(TestShop.checkoutForm("tok-within", "30.00").cookie(session))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));
		assertThat(spentBy(operator)).isEqualByComparingTo("100.00");
	}

	/** Puts exactly this many units of TEN in the operator's cart. */
	private void units(int units) {
		List<CartView.Line> lines = carts.view(operator).lines();
		if (lines.isEmpty()) {
			carts.add(operator, "TEN", SPID, units);
		}
		else if (units == 0) {
			carts.remove(operator, lines.get(0).id());
		}
		else {
			carts.changeQuantity(operator, lines.get(0).id(), units);
		}
	}

	/** Adds the units to the cart (none: pays what is there) and pays it as the user. */
	private String pay(ShopUser user, int units) {
		if (units > 0) {
			carts.add(user, "TEN", SPID, units);
		}
		return checkout
			.pay(new PaymentRequest(reseller, UUID.randomUUID().toString(), TestShop.CUSTOMER,
					carts.view(user).totals().total(), false, user.email(), user.userId()))
			.orderNumber();
	}

	/** One order of the units, as a bulk confirmation or an API order pays it. */
	private String payBatch(ShopUser user, int units) {
		long resellerId = user.resellerId();
		try {
			checkout.payBatch(new OrderBatch(resellerId, UUID.randomUUID().toString(), user.email(), user.userId(),
					List.of(new OrderBatch.Order(TestShop.CUSTOMER,
							List.of(new OrderBatch.Item(catalog.quote(resellerId, "TEN", SPID), units))))));
			return "paid";
		}
		catch (SpendingLimitExceededException ex) {
			return "limit";
		}
		catch (InsufficientCreditException ex) {
			return "credit";
		}
	}

	private BigDecimal spentBy(ShopUser user) {
		return jdbc.sql("select coalesce(sum(total_amount), 0) from purchase_order where placed_by_user_id = ?")
			.param(user.userId())
			.query(BigDecimal.class)
			.single();
	}

	private long ordersOf(ShopUser user) {
		return jdbc.sql("select count(*) from purchase_order where placed_by_user_id = ?")
			.param(user.userId())
			.query(Long.class)
			.single();
	}

}
