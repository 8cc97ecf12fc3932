package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's flow in a real browser: catalog, cart, checkout with a mistake then
 * corrected, paid, balance down.
 */
class CheckoutBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void buysFromCreditEndToEnd() {
		login(page, DemoData.BRONZE);
		assertThat(page.getByTestId("balance-amount")).hasText("150,00 €");
		page.navigate("/catalog"); // from the home page

		// Firma Remota 1 anno with SPID: bronze's 10% off 39.00 = 35.10, + 22% VAT =
		// 42.82
		addToCart(page, "FIRMA-REMOTA-1A", "SPID");
		assertThat(page.getByTestId("total")).hasText("42,82 €");
		page.getByTestId("proceed").click();

		// Checkout: credit on top, covers the total
		assertThat(page).hasURL(Pattern.compile(".*/checkout$"));
		assertThat(page.getByTestId("checkout-balance")).hasText("150,00 €");
		assertThat(page.getByTestId("checkout-total")).hasText("42,82 €");
		screenshot(page, "issue3-01-checkout");

		// Bill the end customer, a private person, with a mistyped codice fiscale and no
		// confirmation
		page.getByLabel("Privato").check();
		page.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Mario");
		page.getByLabel("Cognome").fill("Rossi");
		page.getByLabel("Codice fiscale").fill("RSSMRA85T10A562T");
		page.getByLabel("Indirizzo").fill("Via Verdi 3");
		page.getByLabel("CAP").fill("20121");
		page.getByLabel("Comune").fill("Milano");
		page.getByLabel("Provincia").fill("MI");
		page.getByLabel("Codice destinatario SDI").fill("");
		page.getByTestId("pay").click();

		Locator taxCode = page.getByLabel("Codice fiscale");
		assertThat(taxCode).hasValue("RSSMRA85T10A562T");
		assertThat(taxCode).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#taxCode-error")).containsText("Codice fiscale non valido");
		assertThat(page.locator("#confirmed-error")).containsText("Conferma che i dati");
		assertThat(page.getByLabel("Cognome")).hasValue("Rossi");
		screenshot(page, "issue3-02-checkout-invalid");
		assertThat(count("purchase_order")).isZero();

		// Correct it, confirm, pay
		taxCode.fill("RSSMRA85T10A562S");
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("pay").click();

		assertThat(page).hasURL(Pattern.compile(".*/orders/\\d{4}-\\d{6}/completed$"));
		assertThat(page.getByTestId("completed-heading")).hasText("Acquisto effettuato con successo");
		assertThat(page.getByTestId("new-balance")).hasText("107,18 €");
		assertThat(page.getByTestId("balance-amount")).hasText("107,18 €");
		assertThat(page.getByTestId("cart-count")).hasText("0");
		assertThat(page.getByTestId("back-to-account")).hasText("Torna all'area clienti");
		screenshot(page, "issue3-03-completed");

		// What the database holds
		assertThat(jdbc.sql("select total_amount from purchase_order").query(BigDecimal.class).single())
			.isEqualByComparingTo("42.82");
		assertThat(jdbc.sql("select tax_code from purchase_order").query(String.class).single())
			.isEqualTo("RSSMRA85T10A562S");
		assertThat(jdbc.sql("select sdi_code from purchase_order").query(String.class).single()).isEqualTo("0000000");
		// a private person has no Partita IVA, even though the hidden company fields were
		// prefilled
		assertThat(jdbc.sql("select coalesce(vat_number, 'none') from purchase_order").query(String.class).single())
			.isEqualTo("none");
		assertThat(count("purchased_service")).isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'PURCHASE'")).isEqualTo(1);

		// Refreshing the completed page changes nothing; the order is in the history
		page.reload();
		page.getByTestId("user-menu").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I tuoi ordini")).click();
		assertThat(page.getByTestId("orders").locator("tbody tr")).hasCount(1);
		screenshot(page, "issue3-04-orders");
		assertThat(count("purchase_order")).isEqualTo(1);

		// The same checkout on a phone
		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.BRONZE);
		phone.navigate("/catalog");
		addToCart(phone, "PEC-STANDARD-1A", "SPID");
		phone.getByTestId("proceed").click();
		screenshot(phone, "issue3-05-checkout-phone");
		assertNoHorizontalScroll(phone);
		phone.context().close();
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
