package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.mail.internal.OutboxSender;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 4's flow in a real browser with real SMTP: buy, read the purchase e-mail, see the
 * service and the new balance in the customer area, Associa, the end customer opens the
 * link from their e-mail on a phone, is identified by the demo's simulated provider (so
 * the {@code demo} profile), and the reseller sees "Attivo". Without a provider, staff
 * confirm the identification: {@code RunningForRealBrowserIT}.
 */
@ActiveProfiles("demo")
class ActivationBrowserIT extends BrowserTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	OutboxSender sender;

	@Test
	void fromPurchaseToAnActiveService() throws Exception {
		login(page, DemoData.GOLD);
		buyOne(page, "FIRMA-REMOTA-1A", "CIE");
		assertThat(page.getByTestId("completed-heading")).isVisible();
		String orderNumber = page.url().replaceAll(".*/orders/([^/]+)/completed$", "$1");

		// The purchase e-mail, delivered over SMTP to the reseller's registered address
		sender.sendDue();
		MimeMessage purchase = only(DemoData.GOLD);
		assertThat(purchase.getSubject()).contains(orderNumber);
		assertThat(Mails.text(purchase)).contains("Firma Remota 1 anno")
			.contains("CIE e il PIN")
			.contains("/account/services");

		// Customer area: the service, its order, its status, and the new balance (5000.00
		// - 33.31)
		page.getByTestId("back-to-account").click();
		assertThat(page).hasURL(Pattern.compile(".*/account/services$"));
		assertThat(page.getByTestId("account-balance")).hasText("4.966,69 €");
		Locator row = page.getByTestId("services").locator("tbody tr").first();
		assertThat(row).containsText(orderNumber);
		assertThat(row.getByTestId("service-status")).hasText("Da associare");
		screenshot(page, "issue4-01-services");

		// Associa: the end customer's e-mail, confirmed
		row.getByTestId("associate").click();
		page.getByLabel("E-mail del cliente", new Page.GetByLabelOptions().setExact(true))
			.fill("laura.bianchi@example.it");
		page.getByLabel("Nome del cliente (facoltativo)").fill("Laura Bianchi");
		page.getByTestId("associate-submit").click();
		assertThat(page.locator(".alert-danger").first()).containsText("Conferma");
		assertThat(page.getByLabel("E-mail del cliente", new Page.GetByLabelOptions().setExact(true)))
			.hasValue("laura.bianchi@example.it");
		page.getByLabel("Confermo l'indirizzo e-mail del cliente").check();
		page.getByTestId("associate-submit").click();
		assertThat(page.getByTestId("flash-success")).containsText("Servizio associato");
		assertThat(page.getByTestId("service-status")).hasText("Associato, in attesa di attivazione");
		screenshot(page, "issue4-02-associated");

		// The end customer's e-mail with the personal link, opened on a phone
		sender.sendDue();
		MimeMessage invitation = only("laura.bianchi@example.it");
		Matcher link = Pattern.compile("http://[^\\s]+/activate/[A-Za-z0-9_-]{43}").matcher(Mails.text(invitation));
		assertThat(link.find()).isTrue();
		String path = URI.create(link.group()).getPath();
		Page phone = newContext(360, 800).newPage();
		phone.navigate(path);
		assertThat(phone.getByTestId("activation-mode")).hasText("CIE (Carta d'Identità Elettronica)");
		assertThat(phone.getByTestId("demo-notice")).isVisible();
		phone.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Laura");
		phone.getByLabel("Cognome").fill("Bianchi");
		phone.getByLabel("Codice fiscale").fill("BNCLRA70A41H501C");
		phone.getByLabel("Cellulare").fill("+39 333 1234567");
		phone.getByLabel("Ho letto l'informativa sulla privacy", new Page.GetByLabelOptions().setExact(false)).check();
		phone.getByTestId("start-identification").click();
		assertThat(phone.locator("#taxCode-error")).containsText("Codice fiscale non valido");
		assertThat(phone.locator("#terms-error")).isVisible();
		screenshot(phone, "issue4-03-activation-invalid-phone");
		assertNoHorizontalScroll(phone);
		phone.getByLabel("Codice fiscale").fill("BNCLRA70A41H501B");
		phone.getByLabel("Accetto le condizioni generali del servizio").check();
		phone.getByTestId("start-identification").click();

		// The demo identification provider, clearly labelled, then success
		assertThat(phone.getByTestId("demo-notice")).containsText("DEMO");
		screenshot(phone, "issue4-04-demo-identification-phone");
		phone.getByTestId("identify-success").click();
		assertThat(phone.getByTestId("identification-done")).isVisible();
		assertThat(phone.getByTestId("service-status")).hasText("Attivo");

		// The used link now says so and changes nothing
		phone.navigate(path);
		assertThat(phone.getByTestId("link-problem")).hasText("Questo link di attivazione è già stato usato.");
		phone.context().close();

		// Both sides are told; the reseller sees "Attivo"
		sender.sendDue();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::subject))
			.anyMatch(subject -> subject.startsWith("Servizio attivato"))
			.anyMatch(subject -> subject.startsWith("Il tuo servizio"));
		page.reload();
		assertThat(page.getByTestId("service-status")).hasText("Attivo");
		assertThat(page.getByTestId("history")).containsText("Attivato");
		screenshot(page, "issue4-05-active");

		page.getByTestId("user-menu").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Area clienti")).click();
		assertThat(page.getByTestId("services").locator("tbody tr").first().getByTestId("service-status"))
			.hasText("Attivo");
		page.navigate("/account/credit");
		assertThat(page.getByTestId("ledger").locator("tbody tr")).hasCount(2);
		screenshot(page, "issue4-06-credit");
	}

	private MimeMessage only(String recipient) {
		MimeMessage[] found = Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> recipients(message).contains(recipient))
			.toArray(MimeMessage[]::new);
		assertThat(found).as("messages to " + recipient).hasSize(1);
		return found[0];
	}

	private String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
