package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.mail.internal.OutboxSender;
import it.rivendo.onboarding.FirstStaffAccount;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's "Running for real", in a real browser with real SMTP: an empty database,
 * no demo profile, no payment or identification provider, {@code RIVENDO_ADMIN_EMAIL}
 * set. The first staff account gets its link by e-mail, staff set up a catalog, approve
 * an application; the reseller chooses a password, tops up by bank transfer (no card on
 * offer), staff confirm the transfer; the reseller buys and links the service to an end
 * customer, who sends their data on a phone; the service waits "In verifica" until staff
 * confirm the identification, and both sides are told.
 */
@TestPropertySource(properties = "rivendo.admin.email=" + RunningForRealBrowserIT.OPS)
class RunningForRealBrowserIT extends BrowserTest {

	static final String OPS = "ops@example.it";
	static final String OPS_PASSWORD = "il primo accesso dello staff";
	static final String RESELLER = "nora@nuovafirma.it";
	static final String RESELLER_PASSWORD = "una frase lunga e sicura";
	static final String CUSTOMER = "laura.bianchi@example.it";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	FirstStaffAccount firstStaff;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	@Override
	protected boolean demoData() {
		return false;
	}

	@Test
	void fromAnEmptyDatabaseToAServiceActivatedByStaff() throws Exception {
		// The shop starts on the empty database: the first staff account, and its link by
		// e-mail
		assertThat(firstStaff.ensure()).isEqualTo(FirstStaffAccount.Outcome.CREATED);
		Page staff = page;
		choosePassword(staff, linkIn(OPS, "/set-password/"), OPS_PASSWORD);
		login(staff, OPS, OPS_PASSWORD);
		assertThat(staff).hasURL(Pattern.compile(".*/admin$"));

		// Staff set up a tier, a family and a product
		entry(staff, "/admin/catalog/tiers/new", "BASE", "Base", "Base", "0");
		entry(staff, "/admin/catalog/families/new", "FIRMA", "Firma digitale", "Digital signature", null);
		staff.navigate("/admin/catalog/products/new");
		staff.locator("#code").fill("FIRMA-REMOTA");
		staff.locator("#familyCode").selectOption("FIRMA");
		staff.locator("#vatRate").fill("22");
		staff.locator("#sortOrder").fill("1");
		staff.locator("#nameIt").fill("Firma remota 1 anno");
		staff.locator("#nameEn").fill("Remote signature 1 year");
		staff.locator("#descriptionIt").fill("Firma digitale remota per un anno.");
		staff.locator("#descriptionEn").fill("Remote digital signature for one year.");
		staff.locator("#instructionsIt").fill("Riceverai le istruzioni dal prestatore.");
		staff.locator("#instructionsEn").fill("The provider will send instructions.");
		staff.locator("#price-SPID").fill("50,00");
		staff.getByTestId("save-product").click();
		assertThat(staff.getByTestId("flash-success")).isVisible();

		// A company applies; staff approve it
		Page reseller = newContext(1366, 900).newPage();
		apply(reseller);
		staff.navigate("/admin/applications");
		staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nuova Firma S.r.l.")).click();
		staff.getByLabel("Fascia di sconto").selectOption("BASE");
		staff.getByTestId("approve").click();
		assertThat(staff.getByTestId("application-status")).hasText("Approvata");

		// The reseller chooses its password from the e-mail and signs in
		choosePassword(reseller, linkIn(RESELLER, "/set-password/"), RESELLER_PASSWORD);
		login(reseller, RESELLER, RESELLER_PASSWORD);
		assertThat(reseller.getByTestId("balance-amount")).hasText("0,00 €");

		// Top-up: bank transfer only, no card on offer
		reseller.navigate("/account/credit/top-up");
		assertThat(reseller.locator("input[value='CARD']")).hasCount(0);
		assertThat(reseller.getByTestId("card-unavailable")).isVisible();
		screenshot(reseller, "real-01-top-up-without-card");
		assertAccessible(reseller);
		reseller.getByLabel("Importo (€)").fill("100");
		reseller.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		reseller.getByTestId("topup-submit").click();
		String reference = reseller.getByTestId("bank-reference").textContent();

		// Staff see the transfer arrive and confirm it
		staff.navigate("/admin/top-ups");
		staff.locator("[data-topup='" + reference + "']").getByTestId("confirm-topup").click();
		assertThat(staff.getByTestId("flash-success")).containsText("credito accreditato");

		// The reseller buys, and links the service to the end customer
		reseller.navigate("/catalog");
		assertThat(reseller.getByTestId("balance-amount")).hasText("100,00 €");
		buyOne(reseller, "FIRMA-REMOTA", "SPID");
		assertThat(reseller.getByTestId("new-balance")).hasText("39,00 €"); // 100 - (50 +
																			// 22%)
		reseller.getByTestId("back-to-account").click();
		Locator row = reseller.getByTestId("services").locator("tbody tr").first();
		row.getByTestId("associate").click();
		reseller.getByLabel("E-mail del cliente", new Page.GetByLabelOptions().setExact(true)).fill(CUSTOMER);
		reseller.getByLabel("Confermo l'indirizzo e-mail del cliente").check();
		reseller.getByTestId("associate-submit").click();
		assertThat(reseller.getByTestId("service-status")).hasText("Associato, in attesa di attivazione");
		String servicePage = reseller.url();

		// The end customer sends their data on a phone: nothing simulated, the service
		// waits for staff
		Page phone = newContext(360, 800).newPage();
		phone.navigate(URI.create(linkIn(CUSTOMER, "/activate/")).getPath());
		assertThat(phone.getByTestId("demo-notice")).hasCount(0);
		assertThat(phone.getByTestId("staff-check-notice")).isVisible();
		sendActivationData(phone);
		assertThat(phone.getByTestId("service-status")).hasText("In verifica");
		assertThat(phone.getByTestId("identification-waiting")).isVisible();
		screenshot(phone, "real-02-in-verifica-phone");
		assertNoHorizontalScroll(phone);
		assertAccessible(phone);

		reseller.navigate(servicePage);
		assertThat(reseller.getByTestId("service-status")).hasText("In verifica");
		assertThat(reseller.getByTestId("in-verification")).isVisible();
		screenshot(reseller, "real-03-in-verifica-reseller");

		// Staff check the identification: the declaration is required, then the service
		// is active
		staff.navigate("/admin");
		assertThat(staff.getByTestId("identity-checks")).hasText("1");
		staff.getByTestId("identity-checks").click();
		staff.getByTestId("services").locator("a").first().click();
		assertThat(staff.getByTestId("check-tax-code")).hasText("BNCLRA70A41H501B");
		screenshot(staff, "real-04-staff-identity-check");
		assertAccessible(staff);
		staff.getByLabel("Riferimento della pratica presso il prestatore (facoltativo)").fill("INF-2026-0042");
		staff.getByTestId("confirm-identification").click();
		assertThat(staff.locator("#identified-error")).isVisible();
		assertThat(staff.getByLabel("Riferimento della pratica presso il prestatore (facoltativo)"))
			.hasValue("INF-2026-0042");
		staff.getByLabel(
				"Confermo che l'identificazione di questo cliente è stata completata presso il prestatore di servizi fiduciari.")
			.check();
		staff.getByTestId("confirm-identification").click();
		assertThat(staff.getByTestId("flash-success")).containsText("Identificazione confermata");
		assertThat(staff.getByTestId("service-status")).hasText("Attivo");
		screenshot(staff, "real-05-staff-confirmed");

		// Both sides are told by e-mail; the audit trail says who confirmed
		assertThat(mailTo(RESELLER, "Servizio attivato")).isNotNull();
		assertThat(mailTo(CUSTOMER, "Il tuo servizio")).isNotNull();
		reseller.navigate(servicePage);
		assertThat(reseller.getByTestId("service-status")).hasText("Attivo");
		staff.navigate("/admin/audit?action=IDENTIFICATION_CONFIRMED");
		assertThat(staff.locator("body")).containsText(OPS);
		assertThat(staff.locator("body")).containsText("INF-2026-0042");
		phone.context().close();
		reseller.context().close();
	}

	private void entry(Page staff, String path, String code, String nameIt, String nameEn, String percent) {
		staff.navigate(path);
		staff.locator("#code").fill(code);
		staff.locator("#nameIt").fill(nameIt);
		staff.locator("#nameEn").fill(nameEn);
		if (percent != null) {
			staff.locator("#percent").fill(percent);
		}
		staff.locator("#sortOrder").fill("1");
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
		assertThat(staff.getByTestId("flash-success")).isVisible();
	}

	private void apply(Page company) {
		company.navigate("/become-reseller");
		company.getByLabel("Ragione sociale").fill("Nuova Firma S.r.l.");
		company.getByLabel("Partita IVA").fill("01114601006");
		company.getByLabel("Indirizzo").fill("Via Po 1");
		company.getByLabel("CAP").fill("10123");
		company.getByLabel("Comune").fill("Torino");
		company.getByLabel("Provincia").fill("TO");
		company.getByLabel("Codice destinatario SDI").fill("M5UXCR1");
		company.getByLabel("Nome e cognome del referente").fill("Nora Nuova");
		company.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(RESELLER);
		company.getByLabel("Telefono").fill("+39 011 1234567");
		company.getByLabel("Accetto le condizioni").check();
		company.getByTestId("apply-submit").click();
		assertThat(company.getByTestId("apply-thanks")).isVisible();
	}

	private void choosePassword(Page on, String link, String password) {
		on.navigate(URI.create(link).getPath());
		on.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		on.getByLabel("Ripeti la password").fill(password);
		on.getByTestId("password-submit").click();
		assertThat(on.getByTestId("flash-success")).containsText("Password salvata");
	}

	/** The link in the newest e-mail to that address, delivered over SMTP. */
	private String linkIn(String recipient, String path) throws Exception {
		sender.sendDue();
		MimeMessage[] to = Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> recipients(message).contains(recipient))
			.toArray(MimeMessage[]::new);
		assertThat(to).as("e-mails to " + recipient).isNotEmpty();
		Matcher link = Pattern.compile("http://\\S+" + Pattern.quote(path) + "[A-Za-z0-9_-]{43}")
			.matcher(Mails.text(to[to.length - 1]));
		assertThat(link.find()).as("a link " + path + " in the e-mail to " + recipient).isTrue();
		return link.group();
	}

	private MimeMessage mailTo(String recipient, String subjectStart) throws Exception {
		sender.sendDue();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (recipients(message).contains(recipient) && message.getSubject().startsWith(subjectStart)) {
				return message;
			}
		}
		return null;
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
