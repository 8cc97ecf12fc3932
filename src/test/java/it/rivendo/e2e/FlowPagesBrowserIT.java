package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every page of the purchase flow on a phone (360x800) and a laptop (1366x768): no
 * sideways scrolling, tap targets of 44 px, no serious or critical axe-core violation; a
 * screenshot of each under target/screenshots.
 */
class FlowPagesBrowserIT extends BrowserTest {

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void everyFlowPageIsUsableAndAccessible(int width, int height) {
		Page on = newContext(width, height).newPage();
		String size = width + "x" + height;

		on.navigate("/login");
		check(on, "login", size);
		login(on, DemoData.SILVER);

		check(on, "home", size);
		on.navigate("/catalog");
		check(on, "catalog", size);
		on.navigate("/products/FIRMA-REMOTA-1A");
		check(on, "product", size);
		on.getByTestId("activate-form").locator("button[type=submit]").click();
		check(on, "cart", size);

		on.navigate("/checkout");
		check(on, "checkout", size);
		on.getByLabel("Partita IVA").fill("123");
		on.getByTestId("pay").click();
		assertThat(on.locator("#vatNumber-error")).isVisible();
		check(on, "checkout-errors", size);
		on.getByLabel("Partita IVA").fill("01114601006");
		on.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		on.getByTestId("pay").click();
		assertThat(on).hasURL(Pattern.compile(".*/completed$"));
		check(on, "completed", size);
		String order = on.url().replaceAll(".*/orders/([^/]+)/completed$", "$1");

		on.navigate("/orders");
		check(on, "orders", size);
		on.navigate("/orders/" + order);
		check(on, "order", size);
		on.navigate("/account/services");
		check(on, "services", size);
		on.getByTestId("associate").first().click();
		check(on, "associate", size);
		on.navigate(on.url().replaceAll("/associate$", ""));
		check(on, "service", size);
		on.navigate("/account/credit");
		check(on, "credit", size);
		on.navigate("/cart");
		check(on, "cart-empty", size);
		on.getByTestId("handoff").click();
		assertThat(on.getByTestId("handoff-qr")).isVisible();
		check(on, "handoff", size);
		on.navigate("/products/NOPE");
		check(on, "not-found", size);

		Page anonymous = newContext(width, height).newPage();
		anonymous.navigate("/h");
		check(anonymous, "handoff-code", size);
		anonymous.navigate("/handoff/" + "A".repeat(43));
		anonymous.getByTestId("handoff-continue").or(anonymous.getByTestId("handoff-problem")).first().waitFor();
		check(anonymous, "handoff-problem", size);
		anonymous.navigate("/activate/" + "A".repeat(43));
		check(anonymous, "activation-link-problem", size);
		anonymous.context().close();
		on.context().close();
	}

	private void check(Page on, String name, String size) {
		on.waitForLoadState();
		screenshot(on, "flow-" + name + "-" + size);
		assertNoHorizontalScroll(on);
		assertTapTargets(on);
		assertAccessible(on);
	}

}
