package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
import it.rivendo.demo.DemoData;
import it.rivendo.identity.BillingAddress;
import it.rivendo.onboarding.Applications;
import it.rivendo.shared.Money;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.TestShop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff type amounts the way their language writes them (issue 21): a credit adjustment,
 * a bank transfer's amount received and a new reseller's opening credit accept "1.234,50"
 * in the Italian pages and "1,234.50" in the English ones, and the credit shows the right
 * amount afterwards; the other language's way, or a wrong amount, is said next to the
 * field, which keeps what was typed. In Chromium, at 1366 px and, for the adjustment, at
 * 360 px.
 */
@Import(TestShop.class)
class StaffAmountsBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TopUps topUps;

	@Autowired
	Applications applications;

	@Autowired
	TestShop shop;

	@Test
	void aCreditAdjustmentIsTypedAsEachLanguageWritesIt() {
		long bronze = resellerId(DemoData.BRONZE);
		login(page, DemoData.STAFF);

		page.navigate("/admin/resellers/" + bronze);
		assertThat(page.getByTestId("admin-balance")).hasText("150,00 €");
		adjust(page, "1.234,50");
		assertThat(page.getByTestId("admin-balance")).hasText("1.384,50 €");
		assertThat(page.locator("body")).containsText("Credito rettificato.");

		// the English way in the Italian page: said next to the field, kept as typed
		page.navigate("/admin/resellers/" + bronze);
		adjust(page, "1,234.50");
		assertFieldError(page, "amount", "1,234.50", "1.234,50");
		screenshot(page, "issue21-staff-adjustment-error-1366");
		assertAccessible(page);

		page.navigate("/admin/resellers/" + bronze + "?lang=en");
		adjust(page, "1,234.50");
		assertThat(page.getByTestId("admin-balance")).hasText("€2,619.00");
		page.navigate("/admin/resellers/" + bronze);
		adjust(page, "-1.234,50");
		assertFieldError(page, "amount", "-1.234,50", "1,234.50");
		// corrected on the page that said it: taking away 1,234.50
		page.locator("#amount").fill("-1,234.50");
		page.getByTestId("adjust").click();
		assertThat(page.getByTestId("admin-balance")).hasText("€1,384.50");

		// on a phone: the page that says the mistake does not scroll sideways
		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.STAFF);
		phone.navigate("/admin/resellers/" + bronze);
		adjust(phone, "12.34,5");
		assertFieldError(phone, "amount", "12.34,5", "1.234,50");
		screenshot(phone, "issue21-staff-adjustment-error-360");
		assertNoHorizontalScroll(phone);
		phone.context().close();
	}

	@Test
	void aBankTransferAndAnOpeningCreditAreTypedAsEachLanguageWritesThem() {
		long bronze = resellerId(DemoData.BRONZE);
		String first = topUps.request(shop.userOf(bronze, DemoData.BRONZE), Money.of("1234.50"), PaymentMethod.BANK)
			.topUp()
			.reference();
		String second = topUps.request(shop.userOf(bronze, DemoData.BRONZE), Money.of("1234.50"), PaymentMethod.BANK)
			.topUp()
			.reference();
		login(page, DemoData.STAFF);

		// Italian: the amount received, with its thousands separator
		page.navigate("/admin/top-ups");
		Locator firstCard = page.locator("[data-topup='" + first + "']");
		assertThat(firstCard.getByLabel("Importo ricevuto")).hasValue("1234,50");
		firstCard.getByLabel("Importo ricevuto").fill("1.234,50");
		firstCard.getByTestId("confirm-topup").click();
		assertThat(page.locator("body")).containsText("1.234,50 €");
		page.navigate("/admin/resellers/" + bronze);
		assertThat(page.getByTestId("admin-balance")).hasText("1.384,50 €");

		// English: a wrong amount first, said next to the field, then the right one
		page.navigate("/admin/top-ups?lang=en");
		Locator secondCard = page.locator("[data-topup='" + second + "']");
		assertThat(secondCard.getByLabel("Amount received")).hasValue("1234.50");
		secondCard.getByLabel("Amount received").fill("1.234,50");
		secondCard.getByTestId("confirm-topup").click();
		assertFieldError(page, "received", "1.234,50", "1,234.50");
		screenshot(page, "issue21-staff-transfer-error-1366");
		assertAccessible(page);
		page.locator("#received").fill("1,234.50");
		page.getByTestId("confirm-topup").click();
		page.navigate("/admin/resellers/" + bronze);
		assertThat(page.getByTestId("admin-balance")).hasText("€2,619.00");

		// a new reseller's opening credit, in English then in Italian
		long nora = application("nora@nuova.example.it");
		page.navigate("/admin/applications/" + nora);
		page.locator("#tier").selectOption("BRONZE");
		page.locator("#openingCredit").fill("1,234.50");
		page.getByTestId("approve").click();
		assertThat(page.locator("body")).containsText("Application approved");
		page.navigate("/admin/resellers/" + resellerId("nora@nuova.example.it"));
		assertThat(page.getByTestId("admin-balance")).hasText("€1,234.50");

		long piero = application("piero@nuova.example.it");
		page.navigate("/admin/applications/" + piero + "?lang=it");
		page.locator("#tier").selectOption("BRONZE");
		page.locator("#openingCredit").fill("1,234.50");
		page.getByTestId("approve").click();
		assertFieldError(page, "openingCredit", "1,234.50", "1.234,50");
		screenshot(page, "issue21-staff-opening-credit-error-1366");
		assertThat(page.locator("#tier")).hasValue("BRONZE");
		page.locator("#openingCredit").fill("1.234,50");
		page.getByTestId("approve").click();
		assertThat(page.locator("body")).containsText("Richiesta approvata");
		page.navigate("/admin/resellers/" + resellerId("piero@nuova.example.it"));
		assertThat(page.getByTestId("admin-balance")).hasText("1.234,50 €");
	}

	private static void adjust(Page on, String amount) {
		on.locator("#amount").fill(amount);
		on.locator("#reason").fill("Accredito concordato");
		on.getByTestId("adjust").click();
	}

	/**
	 * The field says the mistake with the example in the page's language, and still holds
	 * what was typed.
	 */
	private static void assertFieldError(Page on, String field, String typed, String example) {
		assertThat(on.locator("#" + field + "-error")).isVisible();
		assertThat(on.locator("#" + field + "-error")).containsText(example);
		assertThat(on.locator("#" + field)).hasValue(typed);
		assertThat(on.locator("#" + field)).hasAttribute("aria-invalid", "true");
	}

	private long application(String email) {
		return applications
			.apply(new BillingAddress("Nuova Firma " + email, "01114601006", null, "Via Po 1", "10123", "Torino", "TO",
					"IT", "M5UXCR1", null), "Nora Nuova", email, "011 123456")
			.orElseThrow();
	}

	private long resellerId(String email) {
		return jdbc.sql("select reseller_id from user_account where email = ?").param(email).query(Long.class).single();
	}

}
