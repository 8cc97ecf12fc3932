package it.rivendo.bulk;

import static it.rivendo.catalog.IdentificationMode.NONE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The "Ordine multiplo" pages: upload, preview that survives a reload, every bad file
 * answered with a message next to the field (never a 500), confirm once, result and CSV
 * report, sample file.
 */
@WebIntegrationTest
class BulkPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "10").family("PEC").family("FIRMA");
		shop.product("PEC-STD", "PEC", NONE, "10.00");
		shop.product("FIRMA-REM", "FIRMA", SPID, "39.00", VIDEO, "49.00");
		reseller = shop.userOf(shop.reseller("bulk@test.it", "SILVER", "1000.00"), "bulk@test.it");
	}

	@Test
	void theStartPageOffersTheSampleTheInstructionsAndTheUpload() throws Exception {
		mvc.perform(get("/account/bulk").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ordine multiplo")))
			.andExpect(content().string(containsString("/account/bulk/sample.csv")))
			.andExpect(content().string(containsString("codice_prodotto")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
		String sample = mvc.perform(get("/account/bulk/sample.csv").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the BOM, the header, one example row per family
		assertThat(sample).startsWith("\uFEFFcodice_prodotto;modalita_identificazione;quantita;");
		assertThat(sample.lines()).hasSize(3);
		assertThat(sample).contains("PEC-STD;NONE;1;").contains("FIRMA-REM;");
		// and the sample, uploaded as it is, passes every check
		mvc.perform(upload(sample.getBytes(StandardCharsets.UTF_8))).andExpect(redirectedUrlPattern("/account/bulk/*"));
		assertThat(jdbc.sql("select count(*) from bulk_row where problems <> ''").query(Long.class).single()).isZero();
		mvc.perform(get("/account/bulk/instructions.txt").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("partita_iva")));
	}

	@Test
	void uploadPreviewConfirmResultAndReport() throws Exception {
		String preview = mvc.perform(upload(BulkOrdersIT.file("libreoffice-1252-semicolon.csv")))
			.andExpect(redirectedUrlPattern("/account/bulk/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// the preview is a page of its own: a reload shows it again
		for (int i = 0; i < 2; i++) {
			mvc.perform(get(preview).with(user(reseller)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Società Agricola Città; Sole S.r.l.")))
				.andExpect(content().string(containsString("172,38\u00a0€")))
				.andExpect(content().string(containsString("Conferma e paga 172,38\u00a0€")))
				.andExpect(content().string(containsString("107,60\u00a0€")));
		}
		String token = jdbc.sql("select confirm_token from bulk_upload").query(String.class).single();
		mvc.perform(confirm(preview, token, "172.38"))
			.andExpect(redirectedUrl(preview))
			.andExpect(flash().attribute("success", "bulk.confirm.done"));
		// the form posted again: the same orders
		mvc.perform(confirm(preview, token, "172.38")).andExpect(redirectedUrl(preview));
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isEqualTo(3);
		String number = jdbc.sql("select number from purchase_order order by id limit 1").query(String.class).single();

		mvc.perform(get(preview).with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ordine multiplo completato")))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("mario.rossi@example.it")));
		String report = mvc.perform(get(preview + "/report.csv").with(user(reseller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report.lines()).hasSize(5);
		assertThat(report.lines().skip(1).findFirst().orElseThrow()).startsWith("2;" + number + ";")
			.contains("Associato, link inviato");
	}

	@Test
	void aFileWithABadRowShowsTheReasonAndCannotBeConfirmed() throws Exception {
		String preview = mvc.perform(upload(BulkOrdersIT.file("fifty-rows-one-bad.csv")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(preview).with(user(reseller)))
			.andExpect(content().string(containsString("1 riga su 50 da correggere")))
			.andExpect(content().string(containsString("data-line=\"27\"")))
			.andExpect(content().string(containsString("table-danger")))
			.andExpect(content().string(containsString("«00743110158»")))
			.andExpect(content().string(containsString("Partita IVA non valida")))
			.andExpect(content().string(containsString("disabled")));
		String token = jdbc.sql("select confirm_token from bulk_upload").query(String.class).single();
		mvc.perform(confirm(preview, token, "0"))
			.andExpect(redirectedUrl(preview))
			.andExpect(flash().attribute("error", "bulk.confirm.problems"));
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isZero();
	}

	@Test
	void badFilesComeBackWithTheirMessageNextToTheFieldNeverA500() throws Exception {
		expectFileError(new byte[0], "Scegli il file da caricare.");
		expectFileError("a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), "Colonne sconosciute: a, b.");
		expectFileError(new byte[] { 'P', 'K', 3, 4, 9, 9 }, "non un CSV");
		expectFileError(new byte[] { 0, 1, 2, 3, (byte) 0xff }, "Questo non è un file di testo CSV.");
		expectFileError((BulkOrdersIT.HEADER + "PEC-STD;;1;" + "y".repeat(500_000)).getBytes(StandardCharsets.UTF_8),
				"La riga 2 ha una cella più lunga di 1.000 caratteri.");
		expectFileError(new byte[1_200_000], "Il file è troppo grande: al massimo 1 MB.");
		assertThat(jdbc.sql("select count(*) from bulk_upload").query(Long.class).single()).isZero();
	}

	@Test
	void aFormulaInACellIsRefusedAndShownAsTextNeverRun() throws Exception {
		String rows = BulkOrdersIT.HEADER
				+ "PEC-STD;;1;;Azienda;\"=HYPERLINK(\"\"http://evil.example\"\";\"\"Clicca\"\")\";;;00743110157;;Via 1;20121;Milano;MI;IT;M5UXCR1;\r\n";
		String preview = mvc.perform(upload(rows.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(preview).with(user(reseller)))
			.andExpect(content().string(containsString("verrebbe eseguita come formula")))
			.andExpect(content()
				.string(containsString("«=HYPERLINK(&quot;http://evil.example&quot;;&quot;Clicca&quot;)»")))
			.andExpect(content().string(not(containsString("<a href=\"http://evil.example"))));
	}

	@Test
	void anotherResellersPreviewIsNotFound() throws Exception {
		String preview = mvc.perform(upload(BulkOrdersIT.file("utf8-bom-comma.csv")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		ShopUser other = shop.userOf(shop.reseller("other@test.it", "BASE", "0"), "other@test.it");
		mvc.perform(get(preview).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get(preview + "/report.csv").with(user(other))).andExpect(status().isNotFound());
	}

	private void expectFileError(byte[] content, String message) throws Exception {
		ResultActions result = mvc.perform(upload(content));
		result.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("aria-describedby=\"file-error\"")));
	}

	private RequestBuilder upload(byte[] content) {
		return multipart("/account/bulk").file(new MockMultipartFile("file", "clienti.csv", "text/csv", content))
			.with(user(reseller))
			.with(csrf());
	}

	private RequestBuilder confirm(String preview, String token, String total) {
		return post(preview + "/confirm").param("token", token)
			.param("expectedTotal", total)
			.with(user(reseller))
			.with(csrf());
	}

}
