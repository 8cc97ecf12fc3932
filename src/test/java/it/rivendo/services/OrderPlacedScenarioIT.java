package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.support.ModuleScenarioTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * What this module does when an order is placed: one purchased service per unit bought,
 * waiting for its end customer, and nothing more when the event comes a second time.
 * Started with the modules whose beans it uses (catalog, credit, identity, mail, audit,
 * shared), without ordering: the order is in the database as ordering leaves it at
 * checkout, and the test publishes what ordering would.
 */
@ModuleScenarioTest
class OrderPlacedScenarioIT {

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long reseller;

	long product;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		product = shop.product("REMOTA", "FIRMA", SPID, "39.00", VIDEO, "49.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "0.00");
	}

	@Test
	void anOrderPlacedGivesOneServicePerUnitBoughtWaitingForItsCustomer(Scenario scenario) {
		OrderPlaced placed = paidOrder("2026-000001", line(SPID, 2, "39.00"), line(VIDEO, 1, "49.00"));

		scenario.publish(placed).andWaitForStateChange(() -> unitsOf(placed.number())).andVerify(units -> {
			assertThat(units).extracting(Unit::orderLineId, Unit::productCode, Unit::mode, Unit::pricePaid)
				.containsExactly(tuple(lineId(placed, 0), "REMOTA", "SPID", "39.00"),
						tuple(lineId(placed, 0), "REMOTA", "SPID", "39.00"),
						tuple(lineId(placed, 1), "REMOTA", "VIDEO", "49.00"));
			assertThat(units).allSatisfy(unit -> {
				assertThat(unit.resellerId()).isEqualTo(reseller);
				assertThat(unit.customerEmail()).as("no end customer yet").isNull();
				assertThat(unit.purchasedAt()).isEqualTo(placed.placedAt());
				assertThat(Duration.between(unit.purchasedAt(), unit.activationDeadline()))
					.isEqualTo(Duration.ofDays(120));
			});
		});
	}

	@Test
	void theSameOrderPlacedDeliveredAgainCreatesNoMoreServices(Scenario scenario) {
		OrderPlaced placed = paidOrder("2026-000001", line(SPID, 2, "39.00"));
		scenario.publish(placed).andWaitForStateChange(() -> unitsOf(placed.number())).andVerify(units -> {
			assertThat(units).hasSize(2);
		});

		scenario.publish(placed)
			.andWaitForStateChange(() -> unitsOf(placed.number()))
			.andVerify(units -> assertThat(units).hasSize(2));
	}

	/**
	 * A paid order with the given lines, stored as ordering stores it, and the event
	 * ordering publishes for it.
	 */
	private OrderPlaced paidOrder(String number, Line... lines) {
		Money total = Money.of("0.00");
		for (Line line : lines) {
			total = total.plus(Money.of(line.unitPrice()).times(line.quantity()));
		}
		long orderId = jdbc.sql("""
				insert into purchase_order (number, reseller_id, checkout_token, status, taxable_amount, vat_amount,
				  total_amount, customer_type, company_name, street, postal_code, city, province, country, sdi_code)
				values (?, ?, 'token', 'PAID', ?, 0, ?, 'COMPANY', 'Cliente S.r.l.', 'Via Roma 1', '00186', 'Roma',
				  'RM', 'IT', 'M5UXCR1')
				returning id""").params(number, reseller, total.amount(), total.amount()).query(Long.class).single();
		List<OrderPlaced.Line> placedLines = new ArrayList<>();
		int lineNo = 0;
		for (Line line : lines) {
			Money price = Money.of(line.unitPrice());
			long lineId = jdbc.sql("""
					insert into order_line (order_id, line_no, product_id, product_code, product_name, product_name_en,
					  mode, quantity, unit_list_price, discount_percent, unit_net_price, vat_rate, line_net)
					values (?, ?, ?, 'REMOTA', 'Prodotto REMOTA', 'Product REMOTA', ?, ?, ?, 0, ?, 0, ?)
					returning id""")
				.params(orderId, ++lineNo, product, line.mode().name(), line.quantity(), price.amount(), price.amount(),
						price.times(line.quantity()).amount())
				.query(Long.class)
				.single();
			placedLines.add(new OrderPlaced.Line(lineId, product, "REMOTA",
					new LocalizedText("Prodotto REMOTA", "Product REMOTA"), line.mode(), line.quantity(), price));
		}
		return new OrderPlaced(orderId, number, reseller, null, clock.instant().truncatedTo(ChronoUnit.MICROS), total,
				Money.of("0.00"), placedLines);
	}

	private static Line line(IdentificationMode mode, int quantity, String unitPrice) {
		return new Line(mode, quantity, unitPrice);
	}

	private static long lineId(OrderPlaced placed, int index) {
		return placed.lines().get(index).orderLineId();
	}

	private List<Unit> unitsOf(String orderNumber) {
		return jdbc.sql("""
				select reseller_id, order_line_id, product_code, mode, price_paid, customer_email, purchased_at,
				  activation_deadline
				from purchased_service where order_number = ? order by id""")
			.param(orderNumber)
			.query((rs, row) -> new Unit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5).toPlainString(), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	record Line(IdentificationMode mode, int quantity, String unitPrice) {
	}

	record Unit(long resellerId, long orderLineId, String productCode, String mode, String pricePaid,
			String customerEmail, Instant purchasedAt, Instant activationDeadline) {
	}

}
