package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Page;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.demo.DemoData;
import it.rivendo.services.PurchasedServices;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end customer's activation page in Chromium at 1366 and 360 px (issue 21): a PEC
 * mailbox bought with CIE, so the page asks for the PEC address, says that CIE needs a
 * phone with NFC and offers the QR code for another device; the error summary lists the
 * fields in the form's order and each entry takes the customer to its field; the privacy
 * notice opens in a new tab, nothing typed is lost. The personal link leaves the address
 * bar for {@code /activate}, and the QR code, read off the screen, opens the page on
 * another device. Screenshots at both sizes.
 */
@Import(TestShop.class)
class ActivationPageBrowserIT extends BrowserTest {

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCustomerFillsTheActivationPageOnAComputerAndOnAPhone() throws Exception {
		String computerLink = activationLink("anna.verdi@example.it");
		page.navigate(computerLink);
		// the personal link leaves the address bar (and so the history and the screen)
		assertThat(page).hasURL(Pattern.compile(".*/activate$"));
		assertThat(page.locator("body")).not().containsText(computerLink.substring("/activate/".length()));

		// "Apri su altro dispositivo": the QR code read off the screen opens the same
		// page on another device, which has never seen the link
		page.getByText("Apri su altro dispositivo").click();
		String decoded = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
					ImageIO.read(new ByteArrayInputStream(page.getByTestId("other-device-qr").screenshot()))))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
		page.getByText("Apri su altro dispositivo").click();
		assertThat(decoded).endsWith(computerLink);
		Page other = newContext(360, 800).newPage();
		other.navigate(URI.create(decoded).getPath());
		assertThat(other).hasURL(Pattern.compile(".*/activate$"));
		assertThat(other.locator("h1")).containsText("Attiva PEC Standard 2 GB, 1 anno");
		assertThat(other.locator("body")).containsText("anna.verdi@example.it");
		other.context().close();

		checkThePage(page, "1366");

		String phoneLink = activationLink("paolo.neri@example.it");
		Page phone = newContext(360, 800).newPage();
		phone.navigate(phoneLink);
		checkThePage(phone, "360");
		phone.context().close();
	}

	private void checkThePage(Page on, String size) {
		assertThat(on.locator("h1")).containsText("Attiva PEC Standard 2 GB, 1 anno");
		assertThat(on.getByTestId("activation-instructions")).containsText("Ti riconoscerai con la tua CIE");
		assertThat(on.getByLabel("Indirizzo PEC che desideri")).isVisible();
		assertThat(on.getByTestId("after-activation")).containsText("credenziali della tua nuova casella PEC");
		screenshot(on, "issue21-activation-" + size);
		assertNoHorizontalScroll(on);
		assertTapTargets(on);
		assertAccessible(on);

		// "Apri su altro dispositivo": the QR code of this page, and CIE needs NFC
		on.getByText("Apri su altro dispositivo").click();
		assertThat(on.getByTestId("other-device-qr")).isVisible();
		assertThat(on.getByTestId("cie-nfc")).hasText("Il riconoscimento con CIE richiede un telefono con NFC.");
		screenshot(on, "issue21-activation-other-device-" + size);
		on.getByText("Apri su altro dispositivo").click();

		// the privacy notice opens in a new tab: the form keeps what was typed
		on.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Anna");
		Page notice = on.context().waitForPage(() -> on.getByTestId("privacy-link").click());
		assertThat(notice.locator("h1")).hasText("Informativa sulla privacy");
		screenshot(notice, "issue21-privacy-" + size);
		notice.close();
		assertThat(on.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true))).hasValue("Anna");

		// sent with gaps: one entry per field, in the form's order, each leading to its
		// field
		on.getByLabel("Codice fiscale").fill("VRDNNA80A41H501X");
		on.getByTestId("start-identification").click();
		assertThat(on.locator("#error-summary li")).hasText(new String[] { "Indica il tuo cognome.",
				"Codice fiscale non valido: servono 16 caratteri con il carattere di controllo corretto.",
				"Indica il tuo numero di cellulare.", "Indica l'indirizzo PEC che desideri.",
				"Il consenso al trattamento dei dati è necessario per attivare il servizio.",
				"Per attivare il servizio occorre accettare le condizioni generali." });
		assertThat(on.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true))).hasValue("Anna");
		assertThat(on.locator("#mobile-error")).hasCount(1);
		screenshot(on, "issue21-activation-errors-" + size);
		assertAccessible(on);
		on.locator("#error-summary a[href='#pecAddress']").click();
		assertThat(on.getByLabel("Indirizzo PEC che desideri")).isFocused();

		on.getByLabel("Cognome").fill("Verdi");
		on.getByLabel("Codice fiscale").fill("BNCLRA70A41H501B");
		on.getByLabel("Cellulare").fill("+39 333 1234567");
		on.getByLabel("Indirizzo PEC che desideri").fill("anna.verdi@pec.example.it");
		on.getByLabel("Ho letto l'informativa sulla privacy", new Page.GetByLabelOptions().setExact(false)).check();
		on.getByLabel("Accetto le condizioni generali del servizio").check();
		on.getByTestId("start-identification").click();
		assertThat(on.getByTestId("identification-waiting")).isVisible();
		screenshot(on, "issue21-activation-sent-" + size);
	}

	/**
	 * A PEC mailbox with CIE bought by the demo's Gold reseller and linked to the e-mail.
	 */
	private String activationLink(String email) {
		long resellerId = jdbc.sql("select reseller_id from user_account where email = ?")
			.param(DemoData.GOLD)
			.query(Long.class)
			.single();
		shop.buy(resellerId, "PEC-STANDARD-1A", IdentificationMode.CIE, 1);
		long serviceId = jdbc.sql("select max(id) from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, email, null, DemoData.GOLD);
		return "/activate/" + OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/");
	}

}
