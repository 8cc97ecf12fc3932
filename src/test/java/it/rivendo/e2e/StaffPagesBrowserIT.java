package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The staff pages and the support pages, on a phone and a laptop: no sideways scrolling,
 * 44 px tap targets, no serious or critical axe-core violation; screenshots under
 * target/screenshots.
 */
class StaffPagesBrowserIT extends BrowserTest {

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "360, 800", "1366, 768" })
	void staffAndSupportPagesAreUsableAndAccessible(int width, int height) {
		String size = width + "x" + height;
		// a reseller buys one thing and writes to support, so that the staff pages have
		// something to show
		Page reseller = newContext(width, height).newPage();
		login(reseller, DemoData.SILVER);
		reseller.navigate("/catalog"); // from the home page
		addToCart(reseller, "FIRMA-REMOTA-1A", "SPID");
		reseller.getByTestId("proceed").click();
		reseller.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		reseller.getByTestId("pay").click();
		assertThat(reseller).hasURL(Pattern.compile(".*/completed$"));
		String order = reseller.url().replaceAll(".*/orders/([^/]+)/completed$", "$1");
		for (String path : List.of("/contact", "/account/support", "/account/credit/top-up", "/orders/" + order)) {
			reseller.navigate(path);
			check(reseller, "reseller" + path.replace('/', '-'), size);
		}
		reseller.context().close();

		Page staff = newContext(width, height).newPage();
		login(staff, DemoData.STAFF);
		for (String path : List.of("/admin", "/admin/orders", "/admin/tier-rules", "/admin/resellers",
				"/admin/resellers/1", "/admin/applications", "/admin/top-ups", "/admin/services", "/admin/outbox",
				"/admin/catalog", "/admin/catalog/products/1", "/admin/catalog/products/new",
				"/admin/catalog/products/1/discounts", "/admin/audit", "/admin/export", "/admin/support",
				"/admin/invoices", "/admin/orders/" + order)) {
			staff.navigate(path);
			check(staff, "staff" + path.replace('/', '-'), size);
		}
		staff.context().close();

		Page anonymous = newContext(width, height).newPage();
		anonymous.navigate("/become-reseller");
		check(anonymous, "become-reseller", size);
		anonymous.navigate("/contact");
		check(anonymous, "contact-anonymous", size);
		anonymous.context().close();
	}

	private void check(Page on, String name, String size) {
		on.waitForLoadState();
		screenshot(on, "flow" + name + "-" + size);
		assertNoHorizontalScroll(on);
		assertTapTargets(on);
		assertAccessible(on);
	}

}
