package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice numbers are gap-free per year and unique, under concurrency too, and a rollback
 * gives a number back.
 */
@IntegrationTest
class InvoiceNumberingIT {

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
	}

	@Test
	void fiftyConcurrentCheckoutsGetInvoicesOneToFiftyWithoutGapsOrDuplicates() throws Exception {
		List<Long> resellers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			resellers.add(shop.reseller("r" + i + "@test.it", "BASE", "100.00"));
		}

		List<String> orders = Race.run(50, i -> shop.buy(resellers.get(i), Purchases.COMPANY, "REMOTA", SPID, 1));

		assertThat(orders).doesNotHaveDuplicates().hasSize(50);
		int year = LocalDate.now(it.rivendo.shared.Formats.SHOP_ZONE).getYear();
		List<Integer> seqs = jdbc.sql("select seq from invoice_document where kind = 'INVOICE' order by seq")
			.query(Integer.class)
			.list();
		assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
		List<String> numbers = jdbc.sql("select number from invoice_document where kind = 'INVOICE'")
			.query(String.class)
			.list();
		assertThat(numbers).doesNotHaveDuplicates()
			.allMatch(number -> number.matches(year + "/\\d{6}"))
			.contains(year + "/000001", year + "/000050");
		assertThat(jdbc.sql("select count(distinct order_id) from invoice_document where kind = 'INVOICE'")
			.query(Integer.class)
			.single()).isEqualTo(50);
		assertThat(jdbc.sql("select last_number from invoice_counter where kind = 'INVOICE'")
			.query(Integer.class)
			.single()).isEqualTo(50);
		// the 50 opening top-ups have their receipts, on their own sequence
		assertThat(jdbc.sql("select seq from invoice_document where kind = 'RECEIPT' order by seq")
			.query(Integer.class)
			.list()).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
		System.out.printf("[measure] 50 concurrent checkouts: %d invoices, numbers %d..%d, %d gaps%n", seqs.size(),
				seqs.get(0), seqs.get(seqs.size() - 1), seqs.get(seqs.size() - 1) - seqs.get(0) + 1 - seqs.size());
	}

	@Test
	void aPaymentRolledBackAfterItsInvoiceWasNumberedLeavesNoGap() {
		long reseller = shop.reseller("buyer@test.it", "BASE", "200.00");

		// the invoice is numbered just before the payment commits; the commit then fails
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			shop.buy(reseller, Purchases.PERSON, "REMOTA", SPID, 1);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					assertThat(jdbc.sql("select number from invoice_document where kind = 'INVOICE'")
						.query(String.class)
						.list()).hasSize(1);
					throw new IllegalStateException("the commit fails after the invoice was numbered");
				}
			});
		})).hasMessageContaining("the commit fails");
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Integer.class).single()).isZero();
		String order = shop.buy(reseller, Purchases.PERSON, "REMOTA", SPID, 1);

		int year = LocalDate.now(it.rivendo.shared.Formats.SHOP_ZONE).getYear();
		assertThat(jdbc.sql("select number from invoice_document where kind = 'INVOICE' and order_number = ?")
			.param(order)
			.query(String.class)
			.single()).isEqualTo(year + "/000001");
	}

}
