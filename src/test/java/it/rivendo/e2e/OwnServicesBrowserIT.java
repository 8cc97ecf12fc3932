package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: silver's Titolare lets its Operatore see only its own services. Each of them
 * buys and activates a remote signature; some 25 days before their expiry the Operatore,
 * on a phone, finds on "In scadenza" and on its home page only its own, while the
 * Titolare, on a laptop, sees both.
 */
class OwnServicesBrowserIT extends RenewalBrowserTest {

	private static final String LAURA = "laura.bianchi@example.it";

	private static final String PAOLO = "paolo.verdi@example.it";

	@Test
	void anOperatoreWhoSeesOnlyItsOwnFindsOnlyThoseOnInScadenzaAndHome() {
		login(page, DemoData.SILVER);
		activeRemoteSignature(LAURA);
		jdbc.sql("update user_account set sees_all_services = false where email = ?").param(DemoData.OPERATOR).update();
		page.context().clearCookies();
		login(page, DemoData.OPERATOR);
		activeRemoteSignature(PAOLO);
		page.context().clearCookies();
		// some 25 days before their expiry: inside the window, and on the home page's 30
		// days
		clock.advance(Duration.ofDays(340));

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.OPERATOR);
		phone.navigate("/account/services/expiring?days=60");
		assertThat(rows(phone, PAOLO)).hasCount(1);
		assertThat(rows(phone, LAURA)).hasCount(0);
		assertThat(phone.getByTestId("expiring-count")).hasText("1 servizio in scadenza entro 60 giorni");
		assertNoHorizontalScroll(phone);
		assertAccessible(phone);
		screenshot(phone, "issue17-own-services-01-expiring-360");
		phone.navigate("/");
		assertThat(phone.getByTestId("home-expiring").locator("strong")).hasText("1");
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue17-own-services-02-home-360");
		phone.context().close();

		login(page, DemoData.SILVER);
		page.navigate("/account/services/expiring?days=60");
		assertThat(rows(page, PAOLO)).hasCount(1);
		assertThat(rows(page, LAURA)).hasCount(1);
		assertAccessible(page);
		screenshot(page, "issue17-own-services-03-expiring-titolare-1366");
	}

	private static Locator rows(Page on, String email) {
		return on.locator("table[data-testid='expiring'] tr[data-service]")
			.filter(new Locator.FilterOptions().setHasText(email));
	}

}
