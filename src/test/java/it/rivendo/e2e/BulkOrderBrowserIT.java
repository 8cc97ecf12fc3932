package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Ordine multiplo" in a real browser, on a phone and a laptop: upload a file with a bad
 * row, see the row and the reason, upload the fixed file, confirm, see what each row
 * became and download the report. No sideways scroll, accessible, tap targets.
 */
class BulkOrderBrowserIT extends BrowserTest {

	static final String HEADER = "Codice prodotto;Modalità identificazione;Quantità;Email cliente finale;Tipo cliente;"
			+ "Ragione sociale;Nome;Cognome;Partita IVA;Codice fiscale;Indirizzo;CAP;Comune;Provincia;Nazione;"
			+ "Codice SDI;PEC\r\n";

	static final String ROWS = "PEC-STANDARD-1A;SPID;1;anna.verdi@example.it;Azienda;Rossi & Figli S.r.l.;;;00743110157;;"
			+ "Via Roma 1;20121;Milano;MI;IT;M5UXCR1;\r\n"
			+ "PEC-STANDARD-1A;SPID;1;luca.neri@example.it;Azienda;Rossi & Figli S.r.l.;;;00743110157;;"
			+ "Via Roma 1;20121;Milano;MI;IT;M5UXCR1;\r\n"
			+ "FIRMA-REMOTA-1A;SPID;1;mario.rossi@example.it;Privato;;Mario;Rossi;;RSSMRA85T10A562S;"
			+ "Via Dante 5;20121;Milano;MI;IT;;\r\n";

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 900" })
	void uploadSeeTheBadRowFixItConfirmAndDownloadTheReport(int width, int height) throws Exception {
		Page on = newContext(width, height).newPage();
		login(on, DemoData.SILVER);
		on.navigate("/account/services");
		on.getByTestId("bulk-order").click();
		assertThat(on).hasURL(Pattern.compile(".*/account/bulk$"));
		assertThat(on.getByTestId("columns")).containsText("partita_iva");
		check(on, "issue19-bulk-start-" + width);

		// a codice fiscale with the wrong check letter
		on.getByLabel("File CSV").setInputFiles(file(ROWS.replace("RSSMRA85T10A562S", "RSSMRA85T10A562X")));
		on.getByTestId("upload").click();
		assertThat(on.getByTestId("problems")).containsText("1 riga su 3 da correggere");
		assertThat(on.locator("tr[data-line='4'] [data-testid=row-problems]"))
			.containsText("Codice fiscale «RSSMRA85T10A562X»");
		assertThat(on.getByTestId("confirm")).isDisabled();
		check(on, "issue19-bulk-preview-problem-" + width);

		on.reload();
		assertThat(on.getByTestId("problems")).containsText("1 riga su 3 da correggere");

		on.locator("[data-testid=upload-again] input[type=file]").setInputFiles(file(ROWS));
		on.locator("[data-testid=upload-again] button").click();
		assertThat(on.getByTestId("problems")).hasCount(0);
		assertThat(on.getByTestId("customers")).containsText("Rossi & Figli S.r.l.");
		assertThat(on.getByTestId("confirm")).isEnabled();
		check(on, "issue19-bulk-preview-ok-" + width);

		on.getByTestId("confirm").click();
		assertThat(on.getByTestId("flash-success")).containsText("Ordine multiplo pagato");
		assertThat(on.getByTestId("results").locator("tbody tr")).hasCount(3);
		assertThat(on.getByTestId("result-summary")).containsText("2 ordini, 3 servizi");
		check(on, "issue19-bulk-result-" + width);

		Download download = on.waitForDownload(() -> on.getByTestId("report").click());
		String report = Files.readString(download.path(), StandardCharsets.UTF_8);
		org.assertj.core.api.Assertions.assertThat(report.lines()).hasSize(4);
		org.assertj.core.api.Assertions.assertThat(report).contains("Associato, link inviato");
		on.context().close();
	}

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "1366, 900" })
	void aFileFarTooBigComesBackToThePageWithAMessage(int width, int height) {
		Page on = newContext(width, height).newPage();
		login(on, DemoData.SILVER);
		on.navigate("/account/bulk");
		byte[] big = new byte[11 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		on.getByLabel("File CSV").setInputFiles(new FilePayload("enorme.csv", "text/csv", big));
		on.getByTestId("upload").click();
		assertThat(on).hasURL(Pattern.compile(".*/account/bulk\\?upload-too-big$"));
		assertThat(on.getByTestId("file-error")).hasText("Il file è troppo grande: al massimo 1 MB.");
		on.context().close();
	}

	private void check(Page on, String name) {
		assertNoHorizontalScroll(on);
		assertAccessible(on);
		assertTapTargets(on);
		screenshot(on, name);
	}

	private static FilePayload file(String rows) {
		return new FilePayload("clienti.csv", "text/csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
	}

}
