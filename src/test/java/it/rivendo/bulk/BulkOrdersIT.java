package it.rivendo.bulk;

import static it.rivendo.catalog.IdentificationMode.NONE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk issuance on the real database, with files as spreadsheets save them: LibreOffice's
 * Windows-1252 with {@code ;}, UTF-8 with a BOM and {@code ,}; one bad row among 50; two
 * confirmations at once; a credit that covers all but the last row.
 */
@IntegrationTest
class BulkOrdersIT {

	static final String HEADER = "codice_prodotto;modalita_identificazione;quantita;email_cliente_finale;tipo_cliente;"
			+ "ragione_sociale;nome;cognome;partita_iva;codice_fiscale;indirizzo;cap;comune;provincia;nazione;"
			+ "codice_sdi;pec\r\n";

	static final String COMPANY_ROW = "PEC-STD;;1;%s;Azienda;Rete Uffici S.p.A.;;;00743110157;;Via Roma 1;20121;"
			+ "Milano;MI;IT;M5UXCR1;\r\n";

	@Autowired
	BulkOrders bulk;

	@Autowired
	TestShop shop;

	@Autowired
	CreditLedger credit;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "10").family("PEC").family("FIRMA");
		shop.product("PEC-STD", "PEC", NONE, "10.00");
		shop.product("FIRMA-REM", "FIRMA", SPID, "39.00", VIDEO, "49.00");
		reseller = shop.reseller("bulk@test.it", "SILVER", "1000.00");
	}

	@Test
	void aFileLibreOfficeSavedInWindows1252WithSemicolonsIsReadPricedAndPaidAsOneOrderPerCustomer() throws Exception {
		long id = bulk.upload(reseller, "clienti.csv", file("libreoffice-1252-semicolon.csv"));
		BulkPreview preview = bulk.preview(reseller, id);

		assertThat(preview.problemCount()).isZero();
		assertThat(preview.rows()).hasSize(4);
		// accents, the quoted ; and the doubled quotes survive
		assertThat(preview.rows().get(0).cells().get(BulkColumn.COMPANY_NAME))
			.isEqualTo("Società Agricola Città; Sole S.r.l.");
		assertThat(preview.rows().get(3).cells().get(BulkColumn.COMPANY_NAME)).isEqualTo("Caffè \"Il Chicco\" S.n.c.");
		assertThat(preview.rows().get(2).cells().get(BulkColumn.STREET)).isEqualTo("Via dell'Università 5");
		assertThat(preview.rows()).extracting(BulkPreview.Row::lineNo).containsExactly(2, 3, 4, 5);
		// at the reseller's 10%: PEC 9.00, remote signature by SPID 35.10 and by video
		// 44.10
		assertThat(preview.customers()).extracting(BulkPreview.Customer::name)
			.containsExactly("Società Agricola Città; Sole S.r.l.", "Mario Rossi", "Caffè \"Il Chicco\" S.n.c.");
		assertThat(preview.customers()).extracting(customer -> customer.totals().total())
			.containsExactly(Money.of("21.96"), Money.of("42.82"), Money.of("107.60"));
		assertThat(preview.total()).isEqualTo(Money.of("172.38"));

		BulkPreview done = bulk.confirm(reseller, id, preview.token(), preview.total(), "bulk@test.it", null);

		assertThat(done.confirmed()).isTrue();
		assertThat(count("purchase_order")).isEqualTo(3);
		assertThat(count("order_line")).isEqualTo(4);
		assertThat(jdbc.sql("select sum(amount) from credit_entry where kind = 'PURCHASE'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("-172.38");
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("827.62"));
		assertThat(count("purchased_service")).isEqualTo(5);
		// the three rows with an e-mail: associated, the link in the outbox
		assertThat(jdbc.sql("select customer_email from purchased_service where status = 'ASSOCIATED' order by id")
			.query(String.class)
			.list()).containsExactly("anna.verdi@example.it", "luca.neri@example.it", "mario.rossi@example.it");
		assertThat(count("mail_outbox where kind = 'ACTIVATION_LINK'")).isEqualTo(3);
		assertThat(
				jdbc.sql("select customer_name from purchased_service where customer_email = 'mario.rossi@example.it'")
					.query(String.class)
					.single())
			.isEqualTo("Mario Rossi");
		// each order is billed to its customer
		assertThat(jdbc.sql("select tax_code from purchase_order where customer_type = 'PERSON'")
			.query(String.class)
			.single()).isEqualTo("RSSMRA85T10A56NH");
		// what each row became
		assertThat(done.rows().get(0).result().orderNumber()).isEqualTo(done.rows().get(1).result().orderNumber());
		assertThat(done.rows().get(3).result().serviceIds()).hasSize(2);
		assertThat(done.rows().get(3).result().associated()).isFalse();
		assertThat(done.rows().get(2).result().associated()).isTrue();
	}

	@Test
	void aUtf8FileWithBomAndCommasIsReadWithItsQuotedCommas() throws Exception {
		long id = bulk.upload(reseller, "clienti.csv", file("utf8-bom-comma.csv"));
		BulkPreview preview = bulk.preview(reseller, id);

		assertThat(preview.problemCount()).isZero();
		assertThat(preview.rows().get(0).cells().get(BulkColumn.COMPANY_NAME)).isEqualTo("Studio Bianchi, Associati");
		assertThat(preview.rows().get(0).cells().get(BulkColumn.STREET)).isEqualTo("Corso Italia 10, scala B");
		assertThat(preview.rows().get(0).quantity()).isEqualTo(3);
		// blank country: Italy
		assertThat(preview.rows().get(1).valid()).isTrue();
		bulk.confirm(reseller, id, preview.token(), preview.total(), "bulk@test.it", null);
		assertThat(count("purchased_service")).isEqualTo(4);
	}

	@Test
	void oneBadRowAmongFiftyIsNamedWithItsCellAndNothingCanBePaid() throws Exception {
		long id = bulk.upload(reseller, "uffici.csv", file("fifty-rows-one-bad.csv"));
		BulkPreview preview = bulk.preview(reseller, id);

		assertThat(preview.rows()).hasSize(50);
		assertThat(preview.problemCount()).isEqualTo(1);
		BulkPreview.Row bad = preview.rows().stream().filter(row -> !row.valid()).findFirst().orElseThrow();
		assertThat(bad.lineNo()).isEqualTo(27);
		assertThat(bad.problems()).containsExactly(java.util.Map.entry("vatNumber", "validation.partitaIva"));
		assertThat(preview.confirmable()).isFalse();
		assertThatThrownBy(() -> bulk.confirm(reseller, id, preview.token(), preview.total(), "bulk@test.it", null))
			.isInstanceOf(Refusal.class)
			.extracting(ex -> ((Refusal) ex).messageKey())
			.isEqualTo("bulk.confirm.problems");
		assertThat(count("purchase_order")).isZero();
	}

	@Test
	void eachRuleOfTheCheckoutIsAppliedToEachRow() {
		String rows = HEADER + "NOPE;;1;;Azienda;X;;;00743110157;;Via 1;20121;Milano;MI;IT;M5UXCR1;\r\n"
				+ "FIRMA-REM;;1;;Privato;;Mario;Rossi;;RSSMRA85T10A562T;Via 1;2012;Milano;XX;IT;;\r\n"
				+ "FIRMA-REM;CIE;0;not-an-email;Azienda;=HYPERLINK(\"http://x\");;;12345678903;;Via 1;20121;Milano;MI;IT;;\r\n"
				+ "FIRMA-REM;SPID;2;a@example.it;Azienda;Y;;;00743110157;;Via 1;20121;Milano;MI;IT;12;\r\n";
		BulkPreview preview = bulk.preview(reseller, bulk.upload(reseller, "x.csv", utf8(rows)));

		assertThat(preview.rows().get(0).problems()).containsEntry("productCode", "bulk.product.unknown");
		assertThat(preview.rows().get(1).problems()).containsEntry("mode", "bulk.mode.required")
			.containsEntry("taxCode", "validation.personCodiceFiscale")
			.containsEntry("postalCode", "validation.cap")
			.containsEntry("province", "validation.province");
		assertThat(preview.rows().get(2).problems()).containsEntry("mode", "bulk.mode.notOffered")
			.containsEntry("quantity", "bulk.quantity.invalid")
			.containsEntry("email", "validation.email")
			.containsEntry("companyName", "bulk.cell.formula")
			.containsEntry("vatNumber", "validation.partitaIva")
			.containsEntry("sdiCode", "billing.recipient.required");
		assertThat(preview.rows().get(3).problems()).containsEntry("email", "bulk.email.oneUnit")
			.containsEntry("sdiCode", "validation.codiceDestinatario");
		assertThat(preview.problemCount()).isEqualTo(4);
	}

	@Test
	void twoConfirmationsAtOnceMakeOneSetOfOrders() throws Exception {
		long id = bulk.upload(reseller, "clienti.csv", file("libreoffice-1252-semicolon.csv"));
		BulkPreview preview = bulk.preview(reseller, id);

		List<BulkPreview> results = Race.run(2,
				i -> bulk.confirm(reseller, id, preview.token(), preview.total(), "bulk@test.it", null));

		assertThat(results).allMatch(BulkPreview::confirmed);
		assertThat(results.get(0).rows().get(0).result().orderNumber())
			.isEqualTo(results.get(1).rows().get(0).result().orderNumber());
		assertThat(count("purchase_order")).isEqualTo(3);
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isEqualTo(3);
		assertThat(count("purchased_service")).isEqualTo(5);
		assertThat(count("mail_outbox where kind = 'ACTIVATION_LINK'")).isEqualTo(3);
		// and a third, later (the form posted again): the same orders
		BulkPreview again = bulk.confirm(reseller, id, preview.token(), preview.total(), "bulk@test.it", null);
		assertThat(again.rows().get(0).result().orderNumber())
			.isEqualTo(results.get(0).rows().get(0).result().orderNumber());
		assertThat(count("purchase_order")).isEqualTo(3);
	}

	@Test
	void aCreditThatCoversAllButTheLastRowChargesNothingAndSaysHowMuchIsMissing() throws Exception {
		long tight = shop.reseller("tight@test.it", "SILVER", "150.00");
		long id = bulk.upload(tight, "clienti.csv", file("libreoffice-1252-semicolon.csv"));
		BulkPreview preview = bulk.preview(tight, id);
		// the first three rows cost 64.78 (21.96 + 42.82), the last one 107.60
		assertThat(preview.covered()).isFalse();
		assertThat(preview.missing()).isEqualTo(Money.of("22.38"));

		assertThatThrownBy(() -> bulk.confirm(tight, id, preview.token(), preview.total(), "tight@test.it", null))
			.isInstanceOfSatisfying(InsufficientCreditException.class,
					ex -> assertThat(ex.missing()).isEqualTo(Money.of("22.38")));

		assertThat(credit.balanceOf(tight)).isEqualTo(Money.of("150.00"));
		assertThat(count("purchase_order")).isZero();
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isZero();
		assertThat(count("purchased_service")).isZero();
		assertThat(count("mail_outbox")).isZero();
		assertThat(bulk.preview(tight, id).confirmed()).isFalse();
	}

	@Test
	void aStaleTokenOrAChangedTotalIsRefused() throws Exception {
		long id = bulk.upload(reseller, "clienti.csv", file("utf8-bom-comma.csv"));
		BulkPreview preview = bulk.preview(reseller, id);
		assertThatThrownBy(() -> bulk.confirm(reseller, id, "other", preview.total(), "x", null))
			.hasFieldOrPropertyWithValue("messageKey", "bulk.confirm.stale");
		assertThatThrownBy(() -> bulk.confirm(reseller, id, preview.token(), Money.of("1.00"), "x", null))
			.hasFieldOrPropertyWithValue("messageKey", "bulk.confirm.totalChanged");
		assertThat(count("purchase_order")).isZero();
	}

	@Test
	void badFilesAreRefusedWithAMessageThatSaysWhy() {
		assertRefused(new byte[0], "bulk.file.empty");
		assertRefused(utf8("   \r\n\r\n"), "bulk.file.empty");
		assertRefused(new byte[] { 'P', 'K', 3, 4, 0, 0, 1, 2 }, "bulk.file.spreadsheet");
		assertRefused(new byte[] { 1, 2, 0, 5, 'a', 0, (byte) 0x9c }, "bulk.file.binary");
		assertRefused(utf8("nome,cognome,telefono\r\nMario,Rossi,123\r\n"), "bulk.file.unknownColumns");
		assertRefused(utf8("email_cliente_finale;pec\r\na@b.it;\r\n"), "bulk.file.missingColumns");
		assertRefused(utf8(HEADER), "bulk.file.noRows");
		assertRefused(utf8(HEADER + "PEC-STD;\"unclosed;1\r\n"), "bulk.file.malformed");
		assertRefused(utf8(HEADER + "PEC-STD;;1;" + "x".repeat(500_000) + "\r\n"), "bulk.file.cellTooLong");
		assertRefused(utf8(HEADER + "PEC-STD;;1" + ";".repeat(30) + "extra\r\n"), "bulk.file.extraCells");
		assertRefused(utf8(HEADER + COMPANY_ROW.formatted("").repeat(1_001)), "bulk.file.tooManyRows");
		assertRefused(new byte[1_000_001], "bulk.file.tooBig");
		assertThat(count("bulk_upload")).isZero();
		// exactly 1,000 rows are fine
		assertThat(bulk
			.preview(reseller,
					bulk.upload(reseller, "mille.csv", utf8(HEADER + COMPANY_ROW.formatted("").repeat(1_000))))
			.rows()).hasSize(1_000);
	}

	@Test
	void anotherResellersUploadIsNotFound() throws Exception {
		long id = bulk.upload(reseller, "clienti.csv", file("utf8-bom-comma.csv"));
		long other = shop.reseller("other@test.it", "BASE", "0");
		assertThatThrownBy(() -> bulk.preview(other, id)).isInstanceOf(it.rivendo.shared.NotFoundException.class);
	}

	@Test
	void previewsNobodyConfirmedExpireAfterAWeek() throws Exception {
		bulk.upload(reseller, "clienti.csv", file("utf8-bom-comma.csv"));
		assertThat(bulk.expire()).isZero();
		jdbc.sql("update bulk_upload set created_at = created_at - interval '8 days'").update();
		assertThat(bulk.expire()).isEqualTo(1);
		assertThat(count("bulk_row")).isZero();
	}

	private void assertRefused(byte[] content, String key) {
		assertThatThrownBy(() -> bulk.upload(reseller, "x.csv", content)).as(key)
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	static byte[] file(String name) throws IOException {
		try (InputStream in = BulkOrdersIT.class.getResourceAsStream("/bulk/" + name)) {
			return in.readAllBytes();
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
