package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.OutboxLinks;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reseller teams in a real browser (issue 17): the Titolare of Argento invites an
 * Operatore with a € 100 monthly limit and a Contabile; the Operatore chooses its
 * password from the e-mailed link, buys within the limit and is refused above it; the
 * Contabile downloads the invoice of that order and cannot reach the cart. At 1366 and
 * 360 px.
 */
class TeamLimitBrowserIT extends BrowserTest {

	static final String PASSWORD = "una frase lunga per il team";

	static final String OPERATOR = "operatrice@studio-argento.it";

	static final String ACCOUNTANT = "contabile@studio-argento.it";

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorBuysWithinItsLimitIsRefusedAboveItAndTheAccountantReadsTheInvoice() throws Exception {
		login(page, DemoData.SILVER);
		page.navigate("/account/team");
		invite("Olga Operatrice", OPERATOR, "OPERATOR", "100");
		assertThat(page.getByTestId("flash-success")).containsText("Invito inviato");
		invite("Carlo Conti", ACCOUNTANT, "ACCOUNTANT", "");
		assertThat(page.getByTestId("team")).containsText("Olga Operatrice");
		assertThat(page.getByTestId("team")).containsText("100,00");
		screenshot(page, "issue17-limits-01-team");
		page.setViewportSize(360, 800);
		screenshot(page, "issue17-limits-01-team-360");
		assertNoHorizontalScroll(page);

		Page operator = newContext(1366, 900).newPage();
		choosePassword(operator, OPERATOR);
		login(operator, OPERATOR, PASSWORD);
		// Firma Remota 1 anno by SPID at Argento's 20%: 31,20 + 22% VAT = 38,06
		buyOne(operator, "FIRMA-REMOTA-1A", "SPID");
		assertThat(operator.getByTestId("completed-heading")).hasText("Acquisto effettuato con successo");
		Matcher completed = Pattern.compile(".*/orders/(\\d{4}-\\d{6})/completed$").matcher(operator.url());
		assertThat(completed.matches()).as(operator.url()).isTrue();
		String order = completed.group(1);

		operator.navigate("/catalog");
		addToCart(operator, "FIRMA-REMOTA-1A", "SPID");
		operator.navigate("/catalog");
		addToCart(operator, "FIRMA-REMOTA-1A", "SPID");
		operator.getByTestId("proceed").click();
		assertThat(operator.getByTestId("checkout-total")).hasText("76,13\u00a0€");
		assertThat(operator.getByTestId("limit-exceeded"))
			.hasText("Limite mensile superato: ti restano € 61,94 questo mese. Nessun addebito è stato effettuato.");
		assertThat(operator.getByTestId("pay")).isDisabled();
		screenshot(operator, "issue17-limits-02-checkout-above-limit");
		operator.setViewportSize(360, 800);
		assertNoHorizontalScroll(operator);
		assertThat(operator.getByTestId("limit-exceeded")).isVisible();
		screenshot(operator, "issue17-limits-02-checkout-above-limit-360");
		assertThat(jdbc.sql("""
				select count(*) from purchase_order o join user_account u on u.id = o.placed_by_user_id
				where u.email = ?""").param(OPERATOR).query(Long.class).single()).isEqualTo(1);
		operator.context().close();

		Page accountant = newContext(360, 800).newPage();
		choosePassword(accountant, ACCOUNTANT);
		login(accountant, ACCOUNTANT, PASSWORD);
		accountant.navigate("/orders/" + order);
		Download invoice = accountant
			.waitForDownload(() -> accountant.getByTestId("order-documents").locator("a").first().click());
		assertThat(invoice.suggestedFilename()).endsWith(".pdf");
		assertThat(new String(Files.readAllBytes(invoice.path()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertNoHorizontalScroll(accountant);
		screenshot(accountant, "issue17-limits-03-accountant-order-360");
		Response cart = accountant.navigate("/cart");
		assertThat(cart.status()).isEqualTo(403);
		accountant.context().close();
	}

	@Test
	void anOperatorsOrderAboveTheThresholdWaitsForTheTitolaresApproval() {
		login(page, DemoData.SILVER);
		page.navigate("/account/team");
		invite("Olga Operatrice", OPERATOR, "OPERATOR", "");
		page.getByLabel("Gli ordini degli Operatori sopra questo totale").fill("50");
		page.getByTestId("approval-save").click();
		assertThat(page.getByTestId("flash-success")).containsText("Soglia di approvazione salvata");

		Page operator = newContext(1366, 900).newPage();
		choosePassword(operator, OPERATOR);
		login(operator, OPERATOR, PASSWORD);
		operator.navigate("/catalog");
		addToCart(operator, "FIRMA-REMOTA-1A", "SPID");
		operator.navigate("/catalog");
		addToCart(operator, "FIRMA-REMOTA-1A", "SPID");
		operator.getByTestId("proceed").click();
		assertThat(operator.getByTestId("approval-note")).containsText("sarà inviato al Titolare per l'approvazione");
		assertThat(operator.getByTestId("pay")).hasText("Invia per approvazione");
		screenshot(operator, "issue17-approval-01-checkout");
		operator.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		operator.getByTestId("pay").click();
		assertThat(operator.getByTestId("flash-success")).containsText("Ordine inviato al Titolare per l'approvazione");
		assertThat(operator.getByTestId("approval-status")).hasText("In attesa");
		operator.setViewportSize(360, 800);
		assertNoHorizontalScroll(operator);
		screenshot(operator, "issue17-approval-02-operator-360");
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isZero();

		page.navigate("/");
		page.getByTestId("home-to-approve").click();
		assertThat(page.getByTestId("approval-total")).hasText("76,13\u00a0€");
		screenshot(page, "issue17-approval-03-owner");
		page.getByTestId("approval-approve").click();
		assertThat(page.getByTestId("flash-success")).containsText("Richiesta approvata");
		assertThat(page.getByTestId("approval-status")).hasText("Approvata");
		assertThat(page.getByTestId("approval-order")).isVisible();
		page.setViewportSize(360, 800);
		assertNoHorizontalScroll(page);
		screenshot(page, "issue17-approval-04-approved-360");
		assertThat(jdbc
			.sql("select count(*) from purchase_order o join user_account u on u.id = o.placed_by_user_id "
					+ "where u.email = ? and o.total_amount = 76.13")
			.param(OPERATOR)
			.query(Long.class)
			.single()).isEqualTo(1);

		operator.reload();
		assertThat(operator.getByTestId("approval-status")).hasText("Approvata");
		operator.context().close();
	}

	private void invite(String name, String email, String role, String limit) {
		page.getByLabel("Nome e cognome").fill(name);
		page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
		page.getByLabel("Ruolo").selectOption(role);
		page.getByLabel("Limite di spesa mensile").fill(limit);
		page.getByTestId("invite-submit").click();
	}

	/** Opens the invitation's link from the outbox and chooses the password. */
	private void choosePassword(Page on, String email) {
		String token = OutboxLinks.token(jdbc, "TEAM_INVITATION", email, "/set-password/");
		on.navigate("/set-password/" + token);
		on.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		on.getByLabel("Ripeti la password").fill(PASSWORD);
		on.getByTestId("password-submit").click();
		assertThat(on.getByTestId("flash-success")).containsText("Password salvata");
	}

}
