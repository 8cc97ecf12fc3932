package it.rivendo.export;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.credit.LedgerExport;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.shared.Money;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.PurchasedServices;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CSV exports of orders and of the credit ledger: escaping, Excel's needs, the period,
 * and streaming.
 */
@WebIntegrationTest
class ExportIT {

	static final String TRICKY = "=HYPERLINK(\"http://x\";\"clic\") Rossi; \"Figli\"\nsecondo rigo àèì";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CreditLedger credit;

	@Autowired
	LedgerExport ledgerExport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivatedServices activated;

	@Autowired
	PurchasedServices services;

	@Autowired
	CartService carts;

	@Autowired
	MutableClock clock;

	long resellerId;

	String today;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("bronze@test.it", "BASE", "100.00");
		today = LocalDate.now(it.rivendo.shared.Formats.SHOP_ZONE).toString();
	}

	private List<CSVRecord> csv(String url, String from, String to) throws Exception {
		byte[] body = mvc.perform(get(url).param("from", from).param("to", to).with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"rivendo-" + (url.contains("orders") ? "ordini" : "movimenti-credito") + "-"
							+ from + "-" + to + ".csv\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n");
		return CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
	}

	@Test
	void theOrdersFileIsEscapedDefusedAndReadableByExcel() throws Exception {
		String number = shop.buy(resellerId, new BillingDetails(CustomerType.COMPANY, TRICKY, null, null, "01114601006",
				null, "Via Roma 1", "00186", "Roma", "RM", "IT", "M5UXCR1", null), "REMOTA", SPID, 2);

		List<CSVRecord> rows = csv("/admin/export/orders.csv", today, today);
		assertThat(rows.get(0).values()).containsExactly("numero", "data_ora", "stato", "id_rivenditore", "rivenditore",
				"tipo_cliente", "cliente", "partita_iva", "codice_fiscale", "imponibile_eur", "iva_eur", "totale_eur",
				"articoli", "rinnovo", "servizi_rinnovati");
		assertThat(rows).hasSize(2);
		CSVRecord order = rows.get(1);
		assertThat(order.get(0)).isEqualTo(number);
		assertThat(order.get(1)).startsWith(today);
		assertThat(order.get(4)).isEqualTo("Azienda bronze@test.it");
		assertThat(order.get(6)).isEqualTo("'" + TRICKY);
		assertThat(order.get(9)).isEqualTo("78.00");
		assertThat(order.get(10)).isEqualTo("17.16");
		assertThat(order.get(11)).isEqualTo("95.16");
		assertThat(order.get(12)).isEqualTo("2");
		assertThat(order.get(13)).isEqualTo("no");
		assertThat(order.get(14)).isEmpty();
		assertThat(
				jdbc.sql("select detail from audit_event where action = 'EXPORT_ORDERS'").query(String.class).single())
			.isEqualTo("1 rows");
	}

	@Test
	void anOrderThatRenewedAServiceSaysWhichOne() throws Exception {
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		shop.buy(resellerId, "REMOTA", SPID, 1);
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		activated.activate(resellerId, serviceId, "mario@test.it", ActivatedServices.MARIO);
		clock.advance(Duration.ofDays(300)); // inside the renewal window
		services.addRenewalsToCart(shop.owner(resellerId), List.of(serviceId));
		String renewal = shop.pay(resellerId);
		String day = LocalDate.ofInstant(clock.instant(), it.rivendo.shared.Formats.SHOP_ZONE).toString();

		List<CSVRecord> rows = csv("/admin/export/orders.csv", today, day);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get(13)).isEqualTo("no");
		assertThat(rows.get(2).get(0)).isEqualTo(renewal);
		assertThat(rows.get(2).get(13)).isEqualTo("si");
		assertThat(rows.get(2).get(14)).isEqualTo(String.valueOf(serviceId));

		// the credit movement says it paid a renewal
		List<CSVRecord> ledger = csv("/admin/export/ledger.csv", today, day);
		CSVRecord debit = ledger.get(ledger.size() - 1);
		assertThat(debit.get(4)).isEqualTo("PURCHASE");
		assertThat(debit.get(5)).isEqualTo("-47.58");
		assertThat(debit.get(7)).isEqualTo(renewal);
		assertThat(debit.get(8)).isEqualTo("Rinnovo, ordine " + renewal);
	}

	@Test
	void anOrderThatBoughtAndRenewedSaysSoInBothFiles() throws Exception {
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		credit.credit(resellerId, EntryKind.TOPUP, Money.of("100.00"), "B-1", "bonifico", "@staff");
		String first = shop.buy(resellerId, "REMOTA", SPID, 1);
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		activated.activate(resellerId, serviceId, "mario@test.it", ActivatedServices.MARIO);
		clock.advance(Duration.ofDays(300)); // inside the renewal window
		ShopUser owner = shop.owner(resellerId);
		services.addRenewalsToCart(owner, List.of(serviceId));
		carts.add(owner, "REMOTA", SPID, 1);
		String both = shop.pay(resellerId);
		String day = LocalDate.ofInstant(clock.instant(), it.rivendo.shared.Formats.SHOP_ZONE).toString();

		List<CSVRecord> orders = csv("/admin/export/orders.csv", today, day);
		assertThat(orders).extracting(row -> row.get(0)).containsExactly("numero", first, both);
		assertThat(orders.get(2).get(12)).isEqualTo("2");
		assertThat(orders.get(2).get(13)).isEqualTo("si");
		assertThat(orders.get(2).get(14)).isEqualTo(String.valueOf(serviceId));

		List<CSVRecord> ledger = csv("/admin/export/ledger.csv", today, day);
		assertThat(ledger).extracting(row -> row.get(8))
			.containsExactly("descrizione", "Ricarica di test", "bonifico", "Ordine " + first,
					"Ordine " + both + ", con rinnovi");
	}

	@Test
	void theLedgerFileHasEveryMovementOfThePeriodWithSignedAmounts() throws Exception {
		credit.debit(resellerId, EntryKind.ADJUSTMENT, Money.of("0.10"), "-1+1", TRICKY, "@staff");
		jdbc.sql("""
				insert into credit_entry (reseller_id, kind, amount, balance_after, description, created_by, created_at)
				values (?, 'TOPUP', 5, 105, 'vecchia', 'x', '2020-06-30 23:30:00+00')""").param(resellerId).update();

		List<CSVRecord> rows = csv("/admin/export/ledger.csv", today, today);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get(4)).isEqualTo("TOPUP");
		assertThat(rows.get(1).get(5)).isEqualTo("100.00");
		CSVRecord adjustment = rows.get(2);
		assertThat(adjustment.get(5)).isEqualTo("-0.10");
		assertThat(adjustment.get(6)).isEqualTo("99.90");
		assertThat(adjustment.get(7)).isEqualTo("'-1+1");
		assertThat(adjustment.get(8)).isEqualTo("'" + TRICKY);
		assertThat(adjustment.get(9)).isEqualTo("'@staff");

		// 23:30 UTC on 30 June is 1 July in Italy: the day is Italian
		assertThat(csv("/admin/export/ledger.csv", "2020-06-30", "2020-06-30")).hasSize(1);
		assertThat(csv("/admin/export/ledger.csv", "2020-07-01", "2020-07-01")).hasSize(2);
	}

	@Test
	void aWrongPeriodIsRefused() throws Exception {
		mvc.perform(get("/admin/export/ledger.csv").param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.with(user(shop.staff())))
			.andExpect(redirectedUrl("/admin/export"))
			.andExpect(flash().attribute("error", "export.periodInvalid"));
		mvc.perform(get("/admin/export/orders.csv").param("from", "ieri")
			.param("to", "2026-01-01")
			.with(user(shop.staff()))).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/export/orders.csv").with(user(shop.staff()))).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/export").with(user(shop.staff()))).andExpect(status().isOk());
	}

	/**
	 * 200,000 movements go through the export without being held: old-generation heap
	 * (where anything kept would end up) grows by far less than the rows would take, and
	 * the first row arrives long before the last.
	 */
	@Test
	void theLedgerExportStreams() throws Exception {
		int count = 200_000;
		// movements at distinct times, and the statistics autovacuum keeps after a load
		// this size: the shape of a
		// real ledger (200,000 rows of one instant and no statistics make PostgreSQL sort
		// them all before the first)
		jdbc.sql("""
				insert into credit_entry (reseller_id, kind, amount, balance_after, reference, description, created_by,
				    created_at)
				select ?, 'ADJUSTMENT', 1, 100, 'REF-' || n, 'Movimento di prova numero ' || n || ' con testo', 'bulk',
				    now() - make_interval(secs => n * 0.1)
				from generate_series(1, ?) n""").params(resellerId, count).update();
		jdbc.sql("analyze credit_entry").update();
		System.gc();
		List<MemoryPoolMXBean> oldGen = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")
					&& !pool.getName().contains("Survivor"))
			.toList();
		long before = oldGen.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
		oldGen.forEach(MemoryPoolMXBean::resetPeakUsage);
		CountingStream out = new CountingStream();
		AtomicLong firstRowAt = new AtomicLong();
		long start = System.nanoTime();
		try (CsvSheet sheet = CsvSheet.open(out, "id", "importo")) {
			ledgerExport.forEach(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS),
					row -> {
						firstRowAt.compareAndSet(0, System.nanoTime());
						sheet.row(row.id(), CsvSheet.amount(row.amount()), CsvSheet.text(row.description()));
					});
			assertThat(sheet.rows()).isEqualTo(count + 1);
		}
		long total = System.nanoTime() - start;
		long peakGrowth = oldGen.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;
		System.out.printf("EXPORT-MEASURE rows=%d bytes=%d oldGenPeakGrowthMB=%.1f firstRowMs=%d totalMs=%d%n",
				count + 1, out.bytes, peakGrowth / 1048576.0, (firstRowAt.get() - start) / 1_000_000,
				total / 1_000_000);
		assertThat(out.bytes).isGreaterThan(10_000_000);
		assertThat(peakGrowth).isLessThan(48L * 1024 * 1024);
		assertThat(firstRowAt.get() - start).isLessThan(total / 4);
	}

	static final class CountingStream extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			bytes += len;
		}

	}

}
