package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.ordering.OrderPlaced;
import it.rivendo.shared.Formats;
import it.rivendo.support.ModuleScenarioTest;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;

/**
 * What this module does when an order is placed: the order's invoice, with the next
 * number of the year, issued just before the payment commits, and nothing more when the
 * event comes a second time. Started with the modules whose beans it uses, ordering among
 * them (the invoice reads the order's details), so the stimulus is a real checkout.
 */
@ModuleScenarioTest
class OrderPlacedScenarioIT {

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "500.00");
	}

	@Test
	void anOrderPlacedIsInvoicedWithTheYearsNextNumber(Scenario scenario) {
		scenario.stimulate(() -> shop.buy(reseller, Purchases.COMPANY, "REMOTA", SPID, 2))
			.andWaitForStateChange(this::invoices)
			.andVerify((invoices, orderNumber) -> {
				int year = LocalDate.now(Formats.SHOP_ZONE).getYear();
				assertThat(invoices).singleElement().satisfies(invoice -> {
					assertThat(invoice.orderNumber()).isEqualTo(orderNumber);
					assertThat(invoice.number()).isEqualTo(year + "/000001");
					assertThat(invoice.resellerId()).isEqualTo(reseller);
					assertThat(invoice.companyName()).isEqualTo("Cliente Uno S.r.l.");
					// 2 x 39.00 = 78.00 + 22% VAT 17.16
					assertThat(invoice.totalAmount()).isEqualByComparingTo("95.16");
					assertThat(invoice.totalAmount()).isEqualByComparingTo(orderTotal(orderNumber));
				});
			});
	}

	@Test
	void theSameOrderPlacedDeliveredAgainIssuesNoSecondInvoiceAndTakesNoNumber(Scenario scenario,
			PublishedEvents events) {
		shop.buy(reseller, Purchases.COMPANY, "REMOTA", SPID, 1);
		OrderPlaced placed = events.ofType(OrderPlaced.class).iterator().next();

		scenario.publish(placed).andWaitForStateChange(this::invoices).andVerify(invoices -> {
			assertThat(invoices).extracting(Invoice::orderNumber).containsExactly(placed.number());
			assertThat(jdbc.sql("select last_number from invoice_counter where kind = 'INVOICE'")
				.query(Integer.class)
				.single()).isEqualTo(1);
		});
	}

	private List<Invoice> invoices() {
		return jdbc.sql("""
				select number, order_number, reseller_id, company_name, total_amount from invoice_document
				where kind = 'INVOICE' order by id""").query(Invoice.class).list();
	}

	private BigDecimal orderTotal(String orderNumber) {
		return jdbc.sql("select total_amount from purchase_order where number = ?")
			.param(orderNumber)
			.query(BigDecimal.class)
			.single();
	}

	record Invoice(String number, String orderNumber, long resellerId, String companyName, BigDecimal totalAmount) {
	}

}
