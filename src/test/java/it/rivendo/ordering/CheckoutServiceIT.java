package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paying from credit against the real database: all or nothing, once, never below zero.
 */
@IntegrationTest
class CheckoutServiceIT {

	static final BillingDetails CUSTOMER = new BillingDetails(CustomerType.PERSON, null, "Mario", "Rossi", null,
			"RSSMRA85T10A562S", "Via Verdi 3", "20121", "Milano", "MI", "IT", "0000000", null);

	@Autowired
	CheckoutService checkout;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger credit;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "20").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00", VIDEO, "49.00");
		shop.product("TEN", "FIRMA", "0.00", SPID, "10.00");
		reseller = shop.reseller("buyer@test.it", "SILVER", "100.00");
	}

	@Test
	void payingCreatesOrderDebitServicesAndEmailAndEmptiesTheCart() {
		carts.add(shop.owner(reseller), "REMOTA", SPID, 2);
		carts.add(shop.owner(reseller), "REMOTA", VIDEO, 1);
		CartView cart = carts.view(shop.owner(reseller));
		// 2 x 31.20 + 39.20 = 101.60 taxable; too much for 100.00 of credit with VAT: top
		// up first
		credit.credit(reseller, it.rivendo.credit.EntryKind.TOPUP, Money.of("100.00"), "T", "ricarica", "test");

		PaymentResult result = checkout.pay(request("tok-1", cart.totals().total()));

		assertThat(result.repeated()).isFalse();
		assertThat(result.orderNumber()).matches("\\d{4}-000001");
		// 101.60 + 22% VAT (22.35) = 123.95
		assertThat(cart.totals().total()).isEqualTo(Money.of("123.95"));
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("76.05"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(jdbc.sql("select total_amount from purchase_order").query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("123.95");
		assertThat(jdbc.sql("select last_name from purchase_order").query(String.class).single()).isEqualTo("Rossi");
		assertThat(count("order_line")).isEqualTo(2);
		assertThat(count("purchased_service where status = 'NOT_ASSOCIATED'")).isEqualTo(3);
		assertThat(count("mail_outbox where kind = 'PURCHASE' and recipient = 'buyer@test.it'")).isEqualTo(1);
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();
	}

	@Test
	void aPurchaseThatWouldOverdrawLeavesNoTrace() {
		carts.add(shop.owner(reseller), "REMOTA", VIDEO, 3); // 3 x 39.20 = 117.60 + VAT =
																// 143.47 >
		// 100.00
		Money total = carts.view(shop.owner(reseller)).totals().total();

		assertThatThrownBy(() -> checkout.pay(request("tok-1", total))).isInstanceOf(InsufficientCreditException.class);

		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("100.00"));
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isZero();
		assertThat(count("purchase_order")).isZero();
		assertThat(count("order_line")).isZero();
		assertThat(count("purchased_service")).isZero();
		assertThat(count("mail_outbox")).isZero();
		assertThat(carts.view(shop.owner(reseller)).itemCount()).isEqualTo(3);
	}

	@Test
	void aTotalOtherThanTheOneConfirmedIsRefused() {
		carts.add(shop.owner(reseller), "REMOTA", SPID, 1);
		assertThatThrownBy(() -> checkout.pay(request("tok-1", Money.of("1.00"))))
			.isInstanceOfSatisfying(CheckoutRefusedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(CheckoutRefusedException.Reason.TOTAL_CHANGED);
				assertThat(ex.currentTotal()).isEqualTo(Money.of("38.06"));
			});
		assertThat(count("purchase_order")).isZero();
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("100.00"));
	}

	@Test
	void anEmptyCartCannotBePaid() {
		assertThatThrownBy(() -> checkout.pay(request("tok-1", Money.ZERO))).isInstanceOfSatisfying(
				CheckoutRefusedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(CheckoutRefusedException.Reason.CART_EMPTY));
	}

	@Test
	void theSameFormPostedTwentyTimesAtOncePaysOnce() throws Exception {
		carts.add(shop.owner(reseller), "REMOTA", SPID, 1);
		Money total = carts.view(shop.owner(reseller)).totals().total();

		List<PaymentResult> results = Race.run(20, i -> checkout.pay(request("same-token", total)));

		assertThat(results).extracting(PaymentResult::orderNumber).containsOnly(results.get(0).orderNumber());
		assertThat(results).filteredOn(result -> !result.repeated()).hasSize(1);
		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isEqualTo(1);
		assertThat(count("purchased_service")).isEqualTo(1);
		assertThat(count("mail_outbox")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("61.94"));
		// and once more, long after: still the same order
		assertThat(checkout.pay(request("same-token", total)).orderNumber()).isEqualTo(results.get(0).orderNumber());
		assertThat(count("purchase_order")).isEqualTo(1);
	}

	@Test
	void twoTabsPayingTheSameCartProduceOneOrder() throws Exception {
		carts.add(shop.owner(reseller), "REMOTA", SPID, 2); // 62.40 + VAT = 76.13: the
															// credit covers
		// one payment only
		Money total = carts.view(shop.owner(reseller)).totals().total();

		List<Object> outcomes = Race.run(2, tab -> {
			try {
				return checkout.pay(request("tab-" + tab, total));
			}
			catch (CheckoutRefusedException ex) {
				return ex.reason();
			}
		});

		assertThat(outcomes).filteredOn(PaymentResult.class::isInstance).hasSize(1);
		assertThat(outcomes).contains(CheckoutRefusedException.Reason.CART_EMPTY);
		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("23.87"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
	}

	@Test
	void fiftyConcurrentOrdersAgainstABalanceForSeventeen() throws Exception {
		long tight = shop.reseller("tight@test.it", "BASE", "170.00");
		carts.add(shop.owner(tight), "TEN", SPID, 1); // 10.00 at 0% VAT
		CartView oneUnit = carts.view(shop.owner(tight));

		List<String> numbers = Race.run(50, i -> {
			try {
				return checkout.placeOrder(new PaymentRequest(tight, UUID.randomUUID().toString(), CUSTOMER,
						oneUnit.totals().total(), false, "tight@test.it", shop.owner(tight).userId()), oneUnit);
			}
			catch (InsufficientCreditException ex) {
				return null;
			}
		});

		assertThat(numbers.stream().filter(Objects::nonNull)).hasSize(17).doesNotHaveDuplicates();
		assertThat(credit.balanceOf(tight)).isEqualTo(Money.ZERO);
		assertThat(credit.sumOfEntries(tight)).isEqualTo(Money.ZERO);
		assertThat(count("purchase_order where reseller_id = " + tight)).isEqualTo(17);
		assertThat(count("credit_entry where kind = 'PURCHASE' and reseller_id = " + tight)).isEqualTo(17);
		assertThat(count("purchased_service where reseller_id = " + tight)).isEqualTo(17);
		assertThat(count("mail_outbox where recipient = 'tight@test.it'")).isEqualTo(17);
	}

	@Test
	void theAddressBookKeepsACustomerOnlyWhenAskedAndPaid() {
		carts.add(shop.owner(reseller), "REMOTA", SPID, 1);
		Money total = carts.view(shop.owner(reseller)).totals().total();
		checkout.pay(new PaymentRequest(reseller, "tok-1", CUSTOMER, total, true, "buyer@test.it",
				shop.owner(reseller).userId()));
		assertThat(count("billing_customer where reseller_id = " + reseller + " and tax_code = 'RSSMRA85T10A562S'"))
			.isEqualTo(1);
	}

	private PaymentRequest request(String token, Money expectedTotal) {
		return new PaymentRequest(reseller, token, CUSTOMER, expectedTotal, false, "buyer@test.it",
				shop.owner(reseller).userId());
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
