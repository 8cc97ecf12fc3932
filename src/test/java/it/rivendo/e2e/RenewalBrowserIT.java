package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's renewal in a real browser: buy a one-year remote signature, associate it,
 * the end customer is identified; with the clock moved into the renewal window, "Rinnova"
 * from the customer area puts the renewal in the cart, the checkout pays it, and the
 * service page shows the new "Valido fino al", a year after the old one; the cart prices
 * the renewal at the product's renewal price. The pages of the renewal at 1366 and 360
 * px.
 */
class RenewalBrowserIT extends RenewalBrowserTest {

	@Test
	void rinnovaFromTheCustomerAreaThenCheckoutGivesTheNewDate() {
		login(page, DemoData.GOLD);
		String servicePath = activeRemoteSignature("laura.bianchi@example.it");
		LocalDate until = aYearOn();
		String oldDate = DAY.format(until);
		String newDate = DAY.format(until.plusMonths(12));

		page.navigate(servicePath);
		assertThat(page.getByTestId("valid-until")).hasText(oldDate);
		assertThat(page.getByTestId("renew")).hasCount(0);

		// some 45 days before the expiry: inside the 90-day renewal window
		clock.advance(Duration.ofDays(320));
		page.navigate("/account/services");
		Locator row = page.locator("tr[data-product='FIRMA-REMOTA-1A']").first();
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
		// the demo's renewal price of the remote signature, 29,00 € (39,00 € to buy it
		// with CIE), less Oro's 30%
		Locator renewal = page.locator("tr[data-product='FIRMA-REMOTA-1A']");
		assertThat(renewal.getByTestId("unit-net")).containsText("20,30");
		assertThat(renewal).containsText("29,00");
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
		assertThat(phone.getByTestId("unit-net")).containsText("20,30");
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
