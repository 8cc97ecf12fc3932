package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.OutboxLinks;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16's renewal in a real browser: buy a one-year remote signature, associate it,
 * the end customer is identified; with the clock moved into the renewal window, "Rinnova"
 * from the customer area puts the renewal in the cart, the checkout pays it, and the
 * service page shows the new "Valido fino al", a year after the old one. The pages of the
 * renewal at 1366 and 360 px.
 */
@ActiveProfiles("demo")
@Import(MutableClock.class)
class RenewalBrowserIT extends BrowserTest {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rinnovaFromTheCustomerAreaThenCheckoutGivesTheNewDate() {
		login(page, DemoData.GOLD);
		buyOne(page, "FIRMA-REMOTA-1A", "CIE");
		assertThat(page.getByTestId("completed-heading")).isVisible();
		page.getByTestId("back-to-account").click();
		Locator row = page.locator("tr[data-product='FIRMA-REMOTA-1A']").first();
		row.getByTestId("associate").click();
		page.getByLabel("E-mail del cliente", new Page.GetByLabelOptions().setExact(true))
			.fill("laura.bianchi@example.it");
		page.getByLabel("Confermo l'indirizzo e-mail del cliente").check();
		page.getByTestId("associate-submit").click();
		String servicePath = page.url().replaceAll("^https?://[^/]+", "");

		Page customer = newContext(360, 800).newPage();
		customer.navigate(
				"/activate/" + OutboxLinks.token(jdbc, "ACTIVATION_LINK", "laura.bianchi@example.it", "/activate/"));
		sendActivationData(customer);
		customer.getByTestId("identify-success").click();
		assertThat(customer.getByTestId("service-status")).hasText("Attivo");
		customer.context().close();
		LocalDate until = ZonedDateTime.now(clock.withZone(it.rivendo.shared.Formats.SHOP_ZONE))
			.plusMonths(12)
			.toLocalDate();
		String oldDate = DAY.format(until);
		String newDate = DAY.format(until.plusMonths(12));

		page.navigate(servicePath);
		assertThat(page.getByTestId("valid-until")).hasText(oldDate);
		assertThat(page.getByTestId("renew")).hasCount(0);

		// some 45 days before the expiry: inside the 90-day renewal window
		clock.advance(Duration.ofDays(320));
		page.navigate("/account/services");
		row = page.locator("tr[data-product='FIRMA-REMOTA-1A']").first();
		assertThat(row.getByTestId("renew")).isVisible();
		assertThat(row.getByTestId("renew-check")).isVisible();
		assertThat(page.getByTestId("renew-selected")).isVisible();
		screenshot(page, "issue16-renew-01-list-1366");
		page.navigate(servicePath);
		assertThat(page.getByTestId("auto-renew-state")).hasText("Disattivato");
		screenshot(page, "issue16-renew-02-service-1366");
		page.getByTestId("renew").click();

		assertThat(page.getByTestId("flash-success")).containsText("Rinnovo aggiunto al carrello");
		assertThat(page.getByTestId("renewal-line"))
			.hasText("Rinnovo di Firma Remota 1 anno per laura.bianchi@example.it, valido fino al " + newDate);
		screenshot(page, "issue16-renew-03-cart-1366");

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		phone.navigate("/account/services");
		assertNoHorizontalScroll(phone);
		assertTapTargets(phone);
		screenshot(phone, "issue16-renew-04-list-360");
		phone.navigate(servicePath);
		assertNoHorizontalScroll(phone);
		assertTapTargets(phone);
		screenshot(phone, "issue16-renew-05-service-360");
		phone.navigate("/cart");
		assertThat(phone.getByTestId("renewal-line")).isVisible();
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue16-renew-06-cart-360");
		phone.context().close();

		page.getByTestId("proceed").click();
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		screenshot(page, "issue16-renew-07-checkout-1366");
		page.getByTestId("pay").click();
		assertThat(page.getByTestId("completed-heading")).isVisible();
		assertThat(page.getByTestId("renewal-line")).containsText(newDate);

		page.navigate(servicePath);
		assertThat(page.getByTestId("service-status")).hasText("Attivo");
		assertThat(page.getByTestId("valid-until")).hasText(newDate);
		assertThat(page.getByTestId("service-email")).containsText("laura.bianchi@example.it");
		assertThat(page.getByTestId("history")).containsText("Rinnovato");
		assertThat(page.getByTestId("renew")).hasCount(0);
		page.getByTestId("auto-renew-toggle").click();
		assertThat(page.getByTestId("flash-success")).hasText("Rinnovo automatico attivato.");
		assertThat(page.getByTestId("auto-renew-state")).hasText("Attivo");
		screenshot(page, "issue16-renew-08-renewed-1366");
	}

}
