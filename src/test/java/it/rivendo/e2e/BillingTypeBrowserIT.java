package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Privato" at checkout (issue 21): the company's data (name, Partita IVA, its codice
 * fiscale and address) go away when the customer is a private person, come back when
 * switching back to the company, and the order holds only the person's.
 */
class BillingTypeBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void switchingToPrivatoClearsTheCompanysDataAndSwitchingBackRestoresIt(int width, int height) {
		Page on = newContext(width, height).newPage();
		login(on, DemoData.BRONZE);
		on.navigate("/catalog");
		addToCart(on, "PEC-STANDARD-1A", "SPID");
		on.getByTestId("proceed").click();
		assertThat(on).hasURL(Pattern.compile(".*/checkout$"));
		// the reseller's own company data come prefilled
		assertThat(on.getByLabel("Ragione sociale")).hasValue("Studio Bronzi S.r.l.");
		assertThat(on.getByLabel("Indirizzo")).hasValue("Via Roma 1");

		on.getByLabel("Privato").check();
		assertThat(on.getByLabel("Ragione sociale")).isHidden();
		assertThat(on.getByLabel("Codice fiscale")).hasValue("");
		assertThat(on.getByLabel("Indirizzo")).hasValue("");
		assertThat(on.getByLabel("CAP")).hasValue("");
		on.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Mario");
		on.getByLabel("Cognome").fill("Rossi");
		on.getByLabel("Codice fiscale").fill("RSSMRA85T10A562S");
		on.getByLabel("Indirizzo").fill("Via Verdi 3");
		assertNoHorizontalScroll(on);
		screenshot(on, "issue21-checkout-privato-" + width + "x" + height);

		// back to the company: its data as they were; then the person's as typed
		on.getByLabel("Azienda").check();
		assertThat(on.getByLabel("Ragione sociale")).hasValue("Studio Bronzi S.r.l.");
		assertThat(on.getByLabel("Indirizzo")).hasValue("Via Roma 1");
		assertThat(on.getByLabel("CAP")).hasValue("20121");
		on.getByLabel("Privato").check();
		assertThat(on.getByLabel("Codice fiscale")).hasValue("RSSMRA85T10A562S");
		assertThat(on.getByLabel("Indirizzo")).hasValue("Via Verdi 3");
		assertThat(on.getByLabel("CAP")).hasValue("");

		on.getByLabel("CAP").fill("20121");
		on.getByLabel("Comune").fill("Milano");
		on.getByLabel("Provincia").fill("MI");
		on.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		on.getByTestId("pay").click();
		assertThat(on.getByTestId("completed-heading")).isVisible();
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
				select customer_type || ' ' || coalesce(company_name, '-') || ' ' || coalesce(vat_number, '-') || ' '
				       || first_name || ' ' || last_name || ' ' || tax_code || ' ' || street || ' ' || postal_code
				from purchase_order order by id desc limit 1""").query(String.class).single())
			.isEqualTo("PERSON - - Mario Rossi RSSMRA85T10A562S Via Verdi 3 20121");
		on.context().close();
	}

}
