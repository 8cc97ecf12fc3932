package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's flow in a real browser: apply, staff approve, set password, log in, top up,
 * staff confirm, buy.
 */
class OnboardingBrowserIT extends BrowserTest {

	static final String EMAIL = "nora@nuovafirma.it";
	static final String PASSWORD = "una frase lunga e sicura";

	@Autowired
	JdbcClient jdbc;

	@Test
	void fromApplicationToFirstPurchase() {
		// A company applies, first with a wrong Partita IVA
		page.navigate("/login");
		page.getByTestId("become-reseller").click();
		page.getByLabel("Ragione sociale").fill("Nuova Firma S.r.l.");
		page.getByLabel("Partita IVA").fill("01114601007");
		page.getByLabel("Indirizzo").fill("Via Po 1");
		page.getByLabel("CAP").fill("10123");
		page.getByLabel("Comune").fill("Torino");
		page.getByLabel("Provincia").fill("TO");
		page.getByLabel("Codice destinatario SDI").fill("M5UXCR1");
		page.getByLabel("Nome e cognome del referente").fill("Nora Nuova");
		page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(EMAIL);
		page.getByLabel("Telefono").fill("+39 011 1234567");
		page.getByLabel("Accetto le condizioni").check();
		page.getByTestId("apply-submit").click();
		assertThat(page.locator("#vatNumber-error")).containsText("Partita IVA non valida");
		assertThat(page.getByLabel("Ragione sociale")).hasValue("Nuova Firma S.r.l.");
		screenshot(page, "issue5-01-apply-invalid");
		page.getByLabel("Partita IVA").fill("01114601006");
		page.getByTestId("apply-submit").click();
		assertThat(page.getByTestId("apply-thanks")).isVisible();

		// Staff approve it in the Bronze tier
		Page staff = newContext(1366, 900).newPage();
		login(staff, DemoData.STAFF);
		assertThat(staff).hasURL(Pattern.compile(".*/admin$"));
		assertThat(staff.getByTestId("pending-applications")).hasText("1");
		screenshot(staff, "issue5-02-dashboard");
		assertAccessible(staff);
		staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Richieste di diventare rivenditore"))
			.first()
			.click();
		staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nuova Firma S.r.l.")).click();
		staff.getByLabel("Fascia di sconto").selectOption("BRONZE");
		staff.getByTestId("approve").click();
		assertThat(staff.getByTestId("application-status")).hasText("Approvata");

		// The set-password link from the approval e-mail
		String mail = jdbc.sql("select body_text from mail_outbox where kind = 'APPLICATION_APPROVED'")
			.query(String.class)
			.single();
		Matcher link = Pattern.compile("/set-password/[A-Za-z0-9_-]{43}").matcher(mail);
		assertThat(link.find()).isTrue();
		page.navigate(link.group());
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("1234567890");
		page.getByLabel("Ripeti la password").fill("1234567890");
		page.getByTestId("password-submit").click();
		assertThat(page.locator("#password-error")).containsText("tra le più usate");
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByLabel("Ripeti la password").fill(PASSWORD);
		page.getByTestId("password-submit").click();
		assertThat(page.getByTestId("flash-success")).containsText("Password salvata");

		// Log in, top up by bank transfer
		page.getByLabel("E-mail").fill(EMAIL);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accedi").setExact(true)).click();
		assertThat(page.getByTestId("balance-amount")).hasText("0,00 €");
		page.navigate("/account/credit");
		page.getByTestId("top-up").click();
		page.getByLabel("Importo (€)").fill("200");
		page.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		page.getByTestId("topup-submit").click();
		String reference = page.getByTestId("bank-reference").textContent();
		assertThat(reference).matches("RIC-\\d{4}-\\d{6}");
		screenshot(page, "issue5-03-bank-details");

		// Staff see the transfer arrive and confirm it
		staff.navigate("/admin/top-ups");
		staff.locator("[data-topup='" + reference + "']").getByTestId("confirm-topup").click();
		assertThat(staff.getByTestId("flash-success")).containsText("credito accreditato");
		screenshot(staff, "issue5-04-staff-top-ups");

		// The reseller buys with it: Bronze is 10% off (tier chosen at approval)
		page.navigate("/catalog");
		assertThat(page.getByTestId("balance-amount")).hasText("200,00 €");
		buyOne(page, "FIRMA-REMOTA-1A", "SPID");
		assertThat(page.getByTestId("completed-heading")).isVisible();
		assertThat(page.getByTestId("new-balance")).hasText("157,18 €"); // 200 - (35.10 +
																			// 22%)
		staff.context().close();
	}

}
