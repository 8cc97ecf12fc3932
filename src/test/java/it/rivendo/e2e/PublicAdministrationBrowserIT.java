package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.invoicing.SdiChannel;
import it.rivendo.invoicing.internal.DemoSdiChannel;
import it.rivendo.invoicing.internal.SdiSender;
import it.rivendo.support.BrowserTest;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 in a real browser: a reseller bills a public administration (office code,
 * split payment, CIG, purchase order), a mistake is said next to its field, the invoice
 * goes to the SdI (the demo channel, as in the demo profile) and the order page shows it
 * delivered, then accepted by the office, and says the SdI is simulated; staff find it
 * filtered by status.
 */
@Import(PublicAdministrationBrowserIT.Channel.class)
class PublicAdministrationBrowserIT extends BrowserTest {

	@Autowired
	SdiSender sender;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublicAdministrationsInvoiceIsAccepted() {
		login(page, DemoData.GOLD);
		page.navigate("/catalog");
		addToCart(page, "FIRMA-REMOTA-1A", "SPID");
		page.getByTestId("proceed").click();
		assertThat(page).hasURL(Pattern.compile(".*/checkout$"));

		page.getByLabel("Pubblica amministrazione", new Page.GetByLabelOptions().setExact(true)).check();
		assertThat(page.getByTestId("public-fields")).isVisible();
		page.getByLabel("Ragione sociale").fill("Comune di Milano");
		page.getByLabel("Partita IVA").fill("");
		page.getByLabel("Codice fiscale").fill("01199250158");
		page.getByLabel("Indirizzo").fill("Piazza della Scala 2");
		page.getByLabel("CAP").fill("20121");
		page.getByLabel("Comune").fill("Milano");
		page.getByLabel("Provincia").fill("MI");
		// a 7-character code: a company's, not an office's
		page.getByLabel("Codice destinatario SDI").fill("M5UXCR1");
		page.getByLabel("Scissione dei pagamenti", new Page.GetByLabelOptions().setExact(false)).check();
		page.getByLabel("CIG").fill("Z1A2B3C4D5");
		page.getByLabel("Numero dell'ordine d'acquisto dell'ente").fill("OA-2026/17");
		page.getByLabel("Data dell'ordine").fill("2026-11-02");
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("pay").click();

		assertThat(page.locator("#sdiCode-error")).containsText("Codice univoco ufficio non valido");
		assertThat(page.getByLabel("CIG")).hasValue("Z1A2B3C4D5");
		assertThat(page.getByTestId("public-fields")).isVisible();
		screenshot(page, "issue20-01-checkout-public-invalid");

		page.getByLabel("Codice destinatario SDI").fill("UFABCD");
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("pay").click();
		assertThat(page).hasURL(Pattern.compile(".*/orders/\\d{4}-\\d{6}/completed$"));
		String order = jdbc.sql("select number from purchase_order where customer_type = 'PUBLIC'")
			.query(String.class)
			.single();

		page.navigate("/orders/" + order);
		assertThat(page.getByTestId("document-status")).hasText("Da inviare");
		sender.run(); // sent
		sender.run(); // delivered (RC)
		page.reload();
		assertThat(page.getByTestId("document-status")).hasText("Consegnata");
		sender.run(); // accepted by the office (NE EC01)
		page.reload();
		assertThat(page.getByTestId("document-status")).hasText("Accettata");
		assertThat(page.getByTestId("documents-notice")).containsText("simulat");
		assertThat(page.getByTestId("order-recipient")).containsText("Comune di Milano");
		assertThat(page.getByTestId("order-recipient")).containsText("scissione dei pagamenti");
		screenshot(page, "issue20-02-order-accepted");
		assertAccessible(page);

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		phone.navigate("/orders/" + order);
		assertThat(phone.getByTestId("document-status")).hasText("Accettata");
		screenshot(phone, "issue20-03-order-accepted-phone");
		assertNoHorizontalScroll(phone);
		phone.context().close();

		Page staff = newContext(1366, 900).newPage();
		login(staff, DemoData.STAFF);
		staff.navigate("/admin/invoices?status=ACCEPTED");
		assertThat(staff.getByTestId("documents").locator("tbody tr")).hasCount(1);
		assertThat(staff.getByTestId("sdi-status")).hasText("Accettata");
		assertThat(staff.getByTestId("sdi-transmission")).containsText("simulato");
		screenshot(staff, "issue20-04-staff-invoices");
		staff.navigate("/admin/orders/" + order);
		assertThat(staff.getByTestId("sdi-history").locator("li")).hasCount(3);
		screenshot(staff, "issue20-05-staff-order-history");
		staff.context().close();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Channel {

		@Bean
		SdiChannel sdiChannel(Clock clock) {
			return new DemoSdiChannel(clock);
		}

	}

}
