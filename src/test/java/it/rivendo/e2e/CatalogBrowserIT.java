package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog by product (issue 21) on a phone and a laptop: products on the first
 * screen, a search word by word over name, family and mode, and "Acquista" with a mode
 * and a quantity, a wrong quantity said next to the field with nothing chosen lost.
 */
class CatalogBrowserIT extends BrowserTest {

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void productsStartOnTheFirstScreenAndASearchAndAQuantityTakeTheResellerToTheCart(int width, int height) {
		Page on = newContext(width, height).newPage();
		login(on, DemoData.SILVER);
		on.navigate("/catalog");

		// the first product, its name and its first mode, is on the first screen
		Locator first = on.locator("[data-product]").first();
		assertOnFirstScreen(on, first.locator("h2"));
		assertOnFirstScreen(on, first.locator(".mode-option").first());
		// on a phone the tier is one line that opens on a tap
		assertThat(on.getByTestId("tier")).containsText("Argento");
		if (width < 768) {
			assertThat(on.getByTestId("tier-next")).isHidden();
		}
		assertNoHorizontalScroll(on);
		assertAccessible(on);
		assertTapTargets(on);
		screenshot(on, "issue21-catalog-" + width + "x" + height);

		// "firma remota spid": the remote signature, identified with SPID already chosen
		on.getByLabel("Cerca prodotti").fill("firma remota spid");
		on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtra")).click();
		Locator remote = on.locator("[data-product='FIRMA-REMOTA-1A']");
		assertThat(on.locator("[data-product]").first()).hasAttribute("data-product", "FIRMA-REMOTA-1A");
		assertThat(on.locator("[data-product^='PEC']")).hasCount(0);
		assertThat(remote.locator("[data-mode='SPID'] input")).isChecked();
		assertThat(remote.locator("[data-mode='SPID']").getByTestId("final-price")).hasText("31,20 €");
		assertOnFirstScreen(on, remote.locator("h2"));
		screenshot(on, "issue21-catalog-search-" + width + "x" + height);

		// a quantity out of range: back to the same search, the message next to the
		// quantity, the mode and what was typed kept
		remote.locator("[data-mode='CIE'] input").check();
		remote.getByLabel("Quantità").fill("0");
		remote.locator(".btn-buy").click();
		assertThat(on).hasURL(Pattern.compile(".*/catalog\\?q=firma.*#product-FIRMA-REMOTA-1A$"));
		assertThat(remote.locator(".invalid-feedback")).hasText("Inserisci una quantità da 1 a 99.");
		assertThat(remote.getByLabel("Quantità")).hasValue("0");
		assertThat(remote.locator("[data-mode='CIE'] input")).isChecked();
		assertThat(on.getByLabel("Cerca prodotti")).hasValue("firma remota spid");
		assertAccessible(on);
		screenshot(on, "issue21-catalog-quantity-error-" + width + "x" + height);

		remote.getByLabel("Quantità").fill("2");
		remote.locator(".btn-buy").click();
		assertThat(on.getByTestId("flash-success")).hasText("Prodotto aggiunto al carrello.");
		assertThat(on.getByTestId("cart-count")).hasText("2");
		Locator line = on.locator("tr[data-product='FIRMA-REMOTA-1A'][data-mode='CIE']");
		assertThat(line.locator("input[name='quantity']")).hasValue("2");
		on.context().close();
	}

	private static void assertOnFirstScreen(Page on, Locator element) {
		var box = element.boundingBox();
		org.assertj.core.api.Assertions.assertThat(box).as("%s is shown", element).isNotNull();
		org.assertj.core.api.Assertions.assertThat(box.y + box.height)
			.as("bottom of %s on the first screen of %s", element, on.url())
			.isLessThanOrEqualTo(on.viewportSize().height);
	}

}
