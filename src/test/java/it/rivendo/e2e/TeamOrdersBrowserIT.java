package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17: the demo's Operatore buys, and silver's Titolare sees who placed each order
 * and picks the Operatore in "Utente" to see only its orders, on a phone and a laptop.
 */
class TeamOrdersBrowserIT extends BrowserTest {

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void theTitolareFiltersTheOrdersByTheUserWhoPlacedThem(int width, int height) {
		Page operator = newContext(width, height).newPage();
		login(operator, DemoData.OPERATOR);
		buyOne(operator, "FIRMA-REMOTA-1A", "SPID");
		operator.waitForURL(url -> url.contains("/completed"));
		String number = operator.url().replaceAll(".*/orders/([^/]+)/completed.*", "$1");
		operator.context().close();

		Page owner = newContext(width, height).newPage();
		login(owner, DemoData.SILVER);
		buyOne(owner, "FIRMA-REMOTA-1A", "SPID");
		owner.waitForURL(url -> url.contains("/completed"));
		owner.navigate("/orders");
		Locator rows = owner.getByTestId("orders").locator("tbody tr");
		assertThat(rows).hasCount(2);
		assertThat(owner.getByTestId("order-placed-by"))
			.containsText(new String[] { "Silvio Argento", "Olga Operatrice" });

		owner.getByLabel("Utente").selectOption(new String[] { "Olga Operatrice" });
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtra")).click();
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText(number);
		assertThat(rows.first().getByTestId("order-placed-by")).hasText("Olga Operatrice");
		assertThat(owner.getByLabel("Utente")).hasValue(owner.url().replaceAll(".*user=(\\d+).*", "$1"));
		assertNoHorizontalScroll(owner);
		assertAccessible(owner);
		screenshot(owner, "issue17-orders-by-user-" + width + "x" + height);
		owner.context().close();
	}

}
