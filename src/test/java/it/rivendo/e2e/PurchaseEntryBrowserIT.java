package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's flow in a real browser: buy from the catalog and from the main menu, see both
 * in the cart.
 */
class PurchaseEntryBrowserIT extends BrowserTest {

	@Test
	void aWrongPasswordSaysSoAndKeepsTheEmailAndLoginStartsTheSessionWithANewToken() {
		page.navigate("/login");
		page.getByLabel("E-mail").fill(DemoData.SILVER);
		page.getByLabel("Password").fill("not-the-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accedi").setExact(true)).click();
		assertThat(page.getByTestId("login-error"))
			.hasText("E-mail o password non corretti. Controlla i dati e riprova.");
		assertThat(page.getByLabel("E-mail")).hasValue(DemoData.SILVER);
		screenshot(page, "issue2-00-login-error");

		// no session before logging in (the CSRF token is a cookie); logging in starts
		// one and replaces the token
		org.assertj.core.api.Assertions.assertThat(cookie("SESSION")).isNull();
		String tokenBefore = cookie("XSRF-TOKEN");
		org.assertj.core.api.Assertions.assertThat(tokenBefore).isNotNull();
		login(page, DemoData.SILVER);
		org.assertj.core.api.Assertions.assertThat(cookie("SESSION")).isNotNull();
		org.assertj.core.api.Assertions.assertThat(cookie("XSRF-TOKEN")).isNotNull().isNotEqualTo(tokenBefore);
	}

	private String cookie(String name) {
		return context.cookies()
			.stream()
			.filter(cookie -> cookie.name.equals(name))
			.map(cookie -> cookie.value)
			.findFirst()
			.orElse(null);
	}

	@Test
	void buysFromCatalogAndFromMainMenu() {
		login(page, DemoData.SILVER);
		assertThat(page.getByTestId("home-heading")).isVisible();
		page.getByTestId("home-catalog").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/catalog$"));
		assertThat(page.getByTestId("tier")).containsText("Argento");
		screenshot(page, "issue2-01-catalog");

		// Catalog: "Firma Remota 1 anno" identified with SPID, silver's 20% off 39.00
		Locator row = page.locator("[data-product='FIRMA-REMOTA-1A'] [data-mode='SPID']");
		assertThat(row.getByTestId("list-price")).hasText("listino 39,00 €");
		assertThat(row.getByTestId("final-price")).hasText("31,20 €");
		addToCart(page, "FIRMA-REMOTA-1A", "SPID");
		assertThat(page.getByTestId("flash-success")).hasText("Prodotto aggiunto al carrello.");
		assertThat(page.getByTestId("cart-count")).hasText("1");
		screenshot(page, "issue2-02-cart-after-catalog");

		// Main menu: family "Identità digitale SPID" -> "SPID persona fisica", video
		// identification
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Identità digitale SPID")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SPID persona fisica")).click();
		assertThat(page.locator("h1")).hasText("SPID persona fisica");
		// A mode the product does not allow (forged in the page) is refused with a
		// message next to the choice
		page.locator("#mode-VIDEO").evaluate("radio => { radio.value = 'SPID'; radio.checked = true; }");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attiva ora")).click();
		assertThat(page.getByTestId("mode-error")).containsText("non è disponibile per questo prodotto");
		assertThat(page.getByTestId("cart-count")).hasText("1");
		screenshot(page, "issue2-03a-mode-refused");
		page.getByLabel("Video riconoscimento").check();
		screenshot(page, "issue2-03-product-page");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attiva ora")).click();

		// Cart: both lines, at silver's prices (SPID persona fisica has a 25% override
		// for silver: 24.90 -> 18.68)
		assertThat(page.getByTestId("cart-count")).hasText("2");
		Locator lines = page.getByTestId("cart-lines").locator("tbody tr");
		assertThat(lines).hasCount(2);
		assertThat(page.locator("tr[data-product='FIRMA-REMOTA-1A'][data-mode='SPID']").getByTestId("unit-net"))
			.hasText("31,20 €");
		Locator spid = page.locator("tr[data-product='SPID-PERSONALE'][data-mode='VIDEO']");
		assertThat(spid.getByTestId("line-mode")).hasText("Video riconoscimento");
		assertThat(spid.getByTestId("unit-net")).hasText("18,68 €");
		// 31.20 + 18.68 = 49.88; VAT 22% = 10.97; total 60.85
		assertThat(page.getByTestId("taxable")).hasText("49,88 €");
		assertThat(page.getByTestId("total")).hasText("60,85 €");
		screenshot(page, "issue2-04-cart-both");

		// The cart icon's menu offers "Vai al catalogo"
		page.getByTestId("cart-menu").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vai al catalogo")).click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/catalog$"));

		// The same pages on a phone: no horizontal scrolling
		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.SILVER);
		screenshot(phone, "issue2-05-catalog-phone");
		assertNoHorizontalScroll(phone);
		phone.navigate("/products/SPID-PERSONALE");
		screenshot(phone, "issue2-06-product-phone");
		assertNoHorizontalScroll(phone);
		phone.navigate("/cart");
		screenshot(phone, "issue2-07-cart-phone");
		assertNoHorizontalScroll(phone);
		phone.context().close();
	}

}
