package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.shared.Formats;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.OutboxLinks;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The renewal browser tests' start (issue 16): the demo shop with a clock the test moves,
 * and a one-year remote signature bought, associated and activated the way people do it.
 */
@ActiveProfiles("demo")
@Import(MutableClock.class)
abstract class RenewalBrowserTest extends BrowserTest {

	/** How the pages write a date. */
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The signed-in reseller buys a "Firma Remota 1 anno" (CIE) from the catalog,
	 * associates the newest one with {@code email} from the customer area, and the end
	 * customer (Laura Bianchi) opens the e-mailed link on a phone and is identified by
	 * the demo's simulated provider. Answers the service page's path.
	 */
	String activeRemoteSignature(String email) {
		buyOne(page, "FIRMA-REMOTA-1A", "CIE");
		assertThat(page.getByTestId("completed-heading")).isVisible();
		page.getByTestId("back-to-account").click();
		Locator row = page.locator("tr[data-product='FIRMA-REMOTA-1A']").first();
		row.getByTestId("associate").click();
		page.getByLabel("E-mail del cliente", new Page.GetByLabelOptions().setExact(true)).fill(email);
		page.getByLabel("Confermo l'indirizzo e-mail del cliente").check();
		page.getByTestId("associate-submit").click();
		assertThat(page.getByTestId("flash-success")).containsText("Servizio associato");
		String servicePath = page.url().replaceAll("^https?://[^/]+", "");

		Page phone = newContext(360, 800).newPage();
		phone.navigate("/activate/" + OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/"));
		sendActivationData(phone);
		phone.getByTestId("identify-success").click();
		assertThat(phone.getByTestId("service-status")).hasText("Attivo");
		phone.context().close();
		return servicePath;
	}

	/** A year from the clock's today, in the shop's time zone: a new term's last day. */
	LocalDate aYearOn() {
		return ZonedDateTime.now(clock.withZone(Formats.SHOP_ZONE)).plusMonths(12).toLocalDate();
	}

}
