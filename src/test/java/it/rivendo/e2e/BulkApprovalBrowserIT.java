package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Operatore's bulk order above the Titolare's approval threshold in a real browser
 * (issue 17): Argento's Titolare sets a € 50 threshold; its Operatore uploads two remote
 * signatures for two end customers (€ 76,12), the preview says the order goes for
 * approval and sends it, nothing is paid; the Titolare follows the home page's count to
 * Approvazioni, sees the file, its rows and total, and approves it: two orders of the
 * Operatore, the services associated with their end customers. At 1366 and 360 px.
 */
class BulkApprovalBrowserIT extends BrowserTest {

	static final String FILE = "Codice prodotto;Modalità identificazione;Quantità;Email cliente finale;Tipo cliente;"
			+ "Ragione sociale;Nome;Cognome;Partita IVA;Codice fiscale;Indirizzo;CAP;Comune;Provincia;Nazione;"
			+ "Codice SDI;PEC\r\n"
			+ "FIRMA-REMOTA-1A;SPID;1;anna.verdi@example.it;Azienda;Rossi & Figli S.r.l.;;;00743110157;;"
			+ "Via Roma 1;20121;Milano;MI;IT;M5UXCR1;\r\n"
			+ "FIRMA-REMOTA-1A;SPID;1;mario.rossi@example.it;Privato;;Mario;Rossi;;RSSMRA85T10A562S;"
			+ "Via Dante 5;20121;Milano;MI;IT;;\r\n";

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "1366, 900", "360, 800" })
	void anOperatorSendsABulkOrderForApprovalAndTheTitolareApprovesIt(int width, int height) {
		Page owner = newContext(width, height).newPage();
		login(owner, DemoData.SILVER);
		owner.navigate("/account/team");
		owner.getByLabel("Gli ordini degli Operatori sopra questo totale").fill("50");
		owner.getByTestId("approval-save").click();
		assertThat(owner.getByTestId("flash-success")).containsText("Soglia di approvazione salvata");

		Page operator = newContext(width, height).newPage();
		login(operator, DemoData.OPERATOR);
		operator.navigate("/account/bulk");
		operator.getByLabel("File CSV")
			.setInputFiles(new FilePayload("clienti.csv", "text/csv", FILE.getBytes(StandardCharsets.UTF_8)));
		operator.getByTestId("upload").click();
		assertThat(operator.getByTestId("approval-note")).containsText("sarà inviato al Titolare per l'approvazione");
		assertThat(operator.getByTestId("confirm")).hasText("Invia per approvazione");
		check(operator, "issue17-bulk-approval-01-preview-" + width);
		operator.getByTestId("confirm").click();
		assertThat(operator.getByTestId("flash-success")).containsText("Ordine inviato al Titolare per l'approvazione");
		assertThat(operator.getByTestId("approval-status")).hasText("In attesa");
		assertThat(operator.getByTestId("approval-bulk")).containsText("Ordine multiplo «clienti.csv»: 2 righe");
		check(operator, "issue17-bulk-approval-02-operator-" + width);
		assertThat(operatorsOrders()).isZero();

		owner.navigate("/");
		owner.getByTestId("home-to-approve").click();
		assertThat(owner.getByTestId("approval-bulk")).containsText("2 righe, 2 clienti");
		assertThat(owner.getByTestId("approval-total")).hasText("76,12\u00a0€");
		check(owner, "issue17-bulk-approval-03-owner-" + width);
		owner.getByTestId("approval-approve").click();
		assertThat(owner.getByTestId("flash-success")).containsText("Richiesta approvata");
		assertThat(owner.getByTestId("approval-status")).hasText("Approvata");
		check(owner, "issue17-bulk-approval-04-approved-" + width);
		assertThat(operatorsOrders()).isEqualTo(2);
		assertThat(count("purchased_service where customer_email in ('anna.verdi@example.it', "
				+ "'mario.rossi@example.it') and status = 'ASSOCIATED'"))
			.isEqualTo(2);

		operator.reload();
		assertThat(operator.getByTestId("approval-status")).hasText("Approvata");
		operator.getByTestId("approval-bulk").getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		assertThat(operator.getByTestId("result-summary")).containsText("2 ordini, 2 servizi");
		check(operator, "issue17-bulk-approval-05-result-" + width);
		operator.context().close();
		owner.context().close();
	}

	private void check(Page on, String name) {
		assertNoHorizontalScroll(on);
		assertAccessible(on);
		screenshot(on, name);
	}

	private long operatorsOrders() {
		return jdbc.sql("""
				select count(*) from purchase_order o join user_account u on u.id = o.placed_by_user_id
				where u.email = ?""").param(DemoData.OPERATOR).query(Long.class).single();
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
