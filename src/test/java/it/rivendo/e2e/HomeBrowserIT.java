package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reseller's home page after logging in, on a phone and a laptop: usable, accessible,
 * and the way to the catalog; staff land on their dashboard.
 */
class HomeBrowserIT extends BrowserTest {

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void theResellerLandsOnItsHomeAndGoesOnToTheCatalog(int width, int height) {
		Page on = newContext(width, height).newPage();
		login(on, DemoData.SILVER);

		assertThat(on).hasURL(Pattern.compile(".*/$"));
		assertThat(on.getByTestId("home-nothing-to-do")).isVisible();
		on.getByTestId("home-catalog").click();
		assertThat(on).hasURL(Pattern.compile(".*/catalog$"));

		// one purchase later, home shows the service to associate and the order
		addToCart(on, "FIRMA-REMOTA-1A", "SPID");
		on.getByTestId("proceed").click();
		on.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		on.getByTestId("pay").click();
		assertThat(on.getByTestId("completed-heading")).isVisible();
		on.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Rivendo, pagina iniziale"))
			.click();
		assertThat(on.getByTestId("home-heading")).isVisible();
		assertThat(on.getByTestId("home-to-associate")).containsText("1");
		assertThat(on.getByTestId("home-orders").locator("tbody tr")).hasCount(1);
		assertNoHorizontalScroll(on);
		assertAccessible(on);
		assertTapTargets(on);
		screenshot(on, "issue21-home-" + width + "x" + height);
		on.getByTestId("home-to-associate").click();
		assertThat(on).hasURL(Pattern.compile(".*/account/services\\?status=NOT_ASSOCIATED$"));
		on.context().close();

		Page staff = newContext(width, height).newPage();
		login(staff, DemoData.STAFF);
		assertThat(staff).hasURL(Pattern.compile(".*/admin$"));
		staff.context().close();
	}

}
