package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's "Rinnova i selezionati" in a real browser: two remote signatures bought and
 * activated for two end customers; inside their renewal window the "In scadenza" tab
 * lists both, the reseller ticks both and presses "Rinnova i selezionati"; the cart holds
 * one renewal line per service, the checkout pays them, and each service shows its new
 * "Valido fino al", a year after its old one. At 1366 and 360 px.
 */
class ExpiringSelectionBrowserIT extends RenewalBrowserTest {

	private static final String LAURA = "laura.bianchi@example.it";

	private static final String PAOLO = "paolo.verdi@example.it";

	@Test
	void twoServicesSelectedOnInScadenzaAreRenewedTogether() {
		login(page, DemoData.GOLD);
		String lauras = activeRemoteSignature(LAURA);
		String paolos = activeRemoteSignature(PAOLO);
		LocalDate lauraUntil = validUntil(lauras);
		LocalDate paoloUntil = validUntil(paolos);

		// some 45 days before the expiry: inside the 90-day renewal window
		clock.advance(Duration.ofDays(320));
		page.navigate("/account/services/expiring?days=60");
		Locator laura = expiringRow(page, LAURA);
		Locator paolo = expiringRow(page, PAOLO);
		assertThat(laura.getByTestId("valid-until")).hasText(DAY.format(lauraUntil));
		assertThat(paolo.getByTestId("valid-until")).hasText(DAY.format(paoloUntil));
		laura.getByTestId("renew-check").check();
		paolo.getByTestId("renew-check").check();
		assertAccessible(page);
		screenshot(page, "issue16-select-01-expiring-1366");

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		phone.navigate("/account/services/expiring?days=60");
		expiringRow(phone, LAURA).getByTestId("renew-check").check();
		expiringRow(phone, PAOLO).getByTestId("renew-check").check();
		assertThat(phone.getByTestId("renew-selected")).isVisible();
		assertNoHorizontalScroll(phone);
		assertTapTargets(phone);
		assertLabelsWhole(phone);
		screenshot(phone, "issue16-select-02-expiring-360");

		page.getByTestId("renew-selected").click();
		page.waitForURL(url -> url.endsWith("/cart"));
		Locator lines = page.getByTestId("renewal-line");
		assertThat(lines).hasCount(2);
		assertThat(lines.filter(new Locator.FilterOptions().setHasText(LAURA)))
			.hasText("Rinnovo di Firma Remota 1 anno per " + LAURA + ", valido fino al " + renewed(lauraUntil));
		assertThat(lines.filter(new Locator.FilterOptions().setHasText(PAOLO)))
			.hasText("Rinnovo di Firma Remota 1 anno per " + PAOLO + ", valido fino al " + renewed(paoloUntil));
		screenshot(page, "issue16-select-03-cart-1366");
		phone.navigate("/cart");
		assertThat(phone.getByTestId("renewal-line")).hasCount(2);
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue16-select-04-cart-360");

		page.getByTestId("proceed").click();
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("pay").click();
		assertThat(page.getByTestId("completed-heading")).isVisible();
		assertThat(page.getByTestId("renewal-line")).hasCount(2);
		screenshot(page, "issue16-select-05-completed-1366");

		page.navigate(lauras);
		assertThat(page.getByTestId("valid-until")).hasText(renewed(lauraUntil));
		assertThat(page.getByTestId("service-email")).containsText(LAURA);
		assertThat(page.getByTestId("history")).containsText("Rinnovato");
		screenshot(page, "issue16-select-06-renewed-1366");
		phone.navigate(paolos);
		assertThat(phone.getByTestId("valid-until")).hasText(renewed(paoloUntil));
		assertThat(phone.getByTestId("service-email")).containsText(PAOLO);
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue16-select-07-renewed-360");
		phone.context().close();

		// renewed a year on: no longer within 90 days
		page.navigate("/account/services/expiring?days=90");
		assertThat(page.locator("table[data-testid='expiring'] tr[data-service]")
			.filter(new Locator.FilterOptions().setHasText(LAURA))).hasCount(0);
		assertThat(page.locator("table[data-testid='expiring'] tr[data-service]")
			.filter(new Locator.FilterOptions().setHasText(PAOLO))).hasCount(0);
	}

	/** The "Valido fino al" its page shows. */
	private LocalDate validUntil(String servicePath) {
		page.navigate(servicePath);
		return LocalDate.parse(page.getByTestId("valid-until").textContent().strip(), DAY);
	}

	private static String renewed(LocalDate until) {
		return DAY.format(until.plusMonths(12));
	}

	/**
	 * On a phone each cell of a stacked row shows its column's name beside its values:
	 * the name keeps the width of its text (it never breaks, "Clie-nte") and the values
	 * take what is left, as one block.
	 */
	private static void assertLabelsWhole(Page on) {
		Object squeezed = on.evaluate(
				"""
						() => {
						  const text = document.createElement('canvas').getContext('2d');
						  return [...document.querySelectorAll('table.table-stack tr[data-service] td[data-label]')].filter(td => {
						    const label = getComputedStyle(td, '::before');
						    text.font = `${label.fontStyle} ${label.fontWeight} ${label.fontSize} ${label.fontFamily}`;
						    const gap = parseFloat(getComputedStyle(td).columnGap) || 0;
						    const values = [...td.children]
						      .reduce((width, child) => width + child.getBoundingClientRect().width + gap, 0);
						    return text.measureText(td.dataset.label).width + values > td.clientWidth + 1;
						  }).map(td => td.dataset.label + ' of ' + td.parentElement.dataset.service).join('; ');
						}""");
		org.assertj.core.api.Assertions.assertThat(squeezed).as("cells whose name is squeezed").isEqualTo("");
	}

	private static Locator expiringRow(Page on, String email) {
		Locator row = on.locator("table[data-testid='expiring'] tr[data-service]")
			.filter(new Locator.FilterOptions().setHasText(email));
		assertThat(row).hasCount(1);
		return row;
	}

}
