package it.rivendo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.bulk.BulkOrders;
import it.rivendo.bulk.BulkPreview;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk order's cost at 100 and 1,000 rows, without HTTP: upload (read, check, store),
 * preview (price, group) and confirm (one order per 10 rows, every row with an e-mail:
 * orders, debits, invoices, services, associations, activation e-mails in the outbox).
 * Prints seconds, milliseconds per row and the bytes the thread allocated; the second run
 * of each size is the one reported (the first warms the JIT up). Not part of the test
 * suite (the name does not end in IT or Tests): {@code bench/bulk.sh} runs it.
 */
@IntegrationTest
class BulkOrderBenchmark {

	static final String HEADER = "codice_prodotto;modalita_identificazione;quantita;email_cliente_finale;tipo_cliente;"
			+ "ragione_sociale;nome;cognome;partita_iva;codice_fiscale;indirizzo;cap;comune;provincia;nazione;"
			+ "codice_sdi;pec\r\n";

	@Autowired
	BulkOrders bulk;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Test
	void previewAndConfirmAt100And1000Rows() throws Exception {
		shop.tier("BASE", "0").tier("SILVER", "20").family("PEC").family("FIRMA");
		shop.product("PEC-STD", "PEC", IdentificationMode.SPID, "25.00", IdentificationMode.CIE, "25.00");
		shop.product("FIRMA-REM", "FIRMA", IdentificationMode.SPID, "39.00", IdentificationMode.VIDEO, "49.00");
		StringBuilder report = new StringBuilder(
				"rows | upload s | preview s | confirm s | upload+preview ms/row | confirm ms/row | allocated MB (upload+preview) | allocated MB (confirm)\n");
		for (int rows : new int[] { 100, 1_000, 100, 1_000 }) {
			long reseller = shop.reseller("bench" + System.nanoTime() + "@test.it", "SILVER", "1000000.00");
			byte[] file = file(rows);
			long allocated0 = allocated();
			long t0 = System.nanoTime();
			long id = bulk.upload(reseller, "bench.csv", file);
			long t1 = System.nanoTime();
			BulkPreview preview = bulk.preview(reseller, id);
			long t2 = System.nanoTime();
			long allocated1 = allocated();
			assertThat(preview.problemCount()).isZero();
			BulkPreview done = bulk.confirm(reseller, id, preview.token(), preview.total(), "bench", null);
			long t3 = System.nanoTime();
			long allocated2 = allocated();
			assertThat(done.confirmed()).isTrue();
			assertThat(
					jdbc.sql("select count(*) from purchased_service where reseller_id = ? and status = 'ASSOCIATED'")
						.param(reseller)
						.query(Long.class)
						.single())
				.isEqualTo(rows);
			report.append("%d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f%n".formatted(rows, seconds(t1 - t0),
					seconds(t2 - t1), seconds(t3 - t2), (t2 - t0) / 1e6 / rows, (t3 - t2) / 1e6 / rows,
					(allocated1 - allocated0) / 1e6, (allocated2 - allocated1) / 1e6));
			assertThat(done.total()).isEqualTo(preview.total()).isNotEqualTo(Money.ZERO);
		}
		System.out.println("[bench] bulk order\n" + report);
		String out = System.getProperty("bench.out");
		if (out != null) {
			Files.writeString(Path.of(out), report);
		}
	}

	/** Rows of 10 employees per client company, each with their e-mail. */
	static byte[] file(int rows) {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		for (int i = 0; i < rows; i++) {
			int company = i / 10;
			lines.add("%s;SPID;1;persona%d@cliente%d.example.it;Azienda;Cliente %d S.r.l.;;;00743110157;;Via Roma %d;"
				.formatted(i % 2 == 0 ? "PEC-STD" : "FIRMA-REM", i, company, company, company + 1)
					+ "20121;Milano;MI;IT;M5UXCR1;\r\n");
		}
		return String.join("", lines).getBytes(StandardCharsets.UTF_8);
	}

	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
