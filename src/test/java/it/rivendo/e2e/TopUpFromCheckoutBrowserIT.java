package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 21's way from a cart the credit does not cover to the top-up and back: the cart
 * says what is missing, Ricarica opens the top-up pre-filled with it, the demo's
 * simulated card (so the {@code demo} profile) pays, checkout is back with the cart as it
 * was, and it pays.
 */
@ActiveProfiles("demo")
class TopUpFromCheckoutBrowserIT extends BrowserTest {

	@Test
	void fromAShortCartThroughACardTopUpBackToCheckout() {
		login(page, DemoData.BRONZE); // 150,00 € of credit
		page.navigate("/catalog");
		addToCart(page, "FIRMA-REMOTA-1A", "SPID"); // 42,82 €
		page.locator(".qty-input").fill("4");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aggiorna")).click();
		assertThat(page.getByTestId("credit-missing")).containsText("mancano 21,29 €");
		// the total once: in the totals, not again in the credit box
		assertThat(page.getByTestId("total")).hasText("171,29 €");
		assertThat(page.getByText("171,29 €")).hasCount(1);
		screenshot(page, "issue21-01-cart-short");

		page.getByTestId("top-up-missing").click();
		assertThat(page).hasURL(Pattern.compile(".*/account/credit/top-up\\?amount=.*&returnTo=checkout$"));
		// 21,29 € missing: the minimum, written as an Italian types it
		assertThat(page.getByLabel("Importo (€)")).hasValue("50,00");
		page.getByLabel("Carta di pagamento (accredito immediato)").check();
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		screenshot(page, "issue21-02-top-up-prefilled");
		page.getByTestId("topup-submit").click();

		assertThat(page.getByTestId("demo-notice")).isVisible();
		page.getByTestId("card-pay").click();

		assertThat(page).hasURL(Pattern.compile(".*/checkout$"));
		assertThat(page.getByTestId("flash-success")).hasText("Credito ricaricato: ora puoi pagare.");
		assertThat(page.getByTestId("credit-missing")).hasCount(0);
		screenshot(page, "issue21-03-back-at-checkout");
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("pay").click();
		assertThat(page).hasURL(Pattern.compile(".*/orders/\\d{4}-\\d{6}/completed$"));
		assertThat(page.getByTestId("completed-heading")).isVisible();

		// The short cart on a phone
		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.BRONZE);
		phone.navigate("/catalog");
		addToCart(phone, "FIRMA-REMOTA-1A", "SPID");
		phone.locator(".qty-input").fill("9");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aggiorna")).click();
		assertThat(phone.getByTestId("credit-missing")).isVisible();
		screenshot(phone, "issue21-04-cart-short-phone");
		assertNoHorizontalScroll(phone);
		phone.getByTestId("top-up-missing").click();
		screenshot(phone, "issue21-05-top-up-phone");
		assertNoHorizontalScroll(phone);
		phone.context().close();
	}

}
