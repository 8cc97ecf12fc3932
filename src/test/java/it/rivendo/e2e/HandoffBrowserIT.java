package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * "Apri su altro dispositivo" with two independent browsers: the computer fills its cart
 * and shows the QR code; the test reads the QR code off the screen, the phone opens it,
 * sees whom it will be signed in as, taps "Continua" and finds the same cart, signed in,
 * and pays there.
 */
class HandoffBrowserIT extends BrowserTest {

	@Test
	void theCartContinuesOnAPhoneFromTheQrCode() throws Exception {
		login(page, DemoData.BRONZE);
		page.navigate("/catalog"); // from the home page
		addToCart(page, "PEC-STANDARD-1A", "SPID");
		page.navigate("/catalog");
		addToCart(page, "MARCHE-50", "NONE");
		assertThat(page.getByTestId("cart-count")).hasText("2");

		page.getByTestId("handoff").click();
		byte[] shown = page.getByTestId("handoff-qr").screenshot();
		String decoded = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(
					new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(shown))))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
		assertThat(decoded).isEqualTo(page.getByTestId("handoff-url").textContent());
		assertThat(page.getByTestId("handoff-code").textContent()).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
		screenshot(page, "issue6-01-handoff-computer");

		// The phone: its own browser, nobody signed in. Opening the link only shows whom
		// it will be signed in as.
		Page phone = newContext(360, 800).newPage();
		phone.navigate(URI.create(decoded).getPath());
		assertThat(phone.getByTestId("handoff-account")).containsText(DemoData.BRONZE);
		assertThat(phone.getByTestId("handoff-other-account")).hasCount(0);
		screenshot(phone, "issue6-02a-handoff-phone-confirm");
		assertAccessible(phone);
		assertTapTargets(phone);
		phone.getByTestId("handoff-continue").click();
		assertThat(phone).hasURL(Pattern.compile(".*/cart$"));
		assertThat(phone.getByTestId("cart-count")).hasText("2");
		assertThat(phone.getByTestId("cart-lines").locator("tbody tr")).hasCount(2);
		assertThat(phone.getByTestId("balance-amount")).hasText("150,00 €");
		screenshot(phone, "issue6-02-handoff-phone-cart");
		assertAccessible(phone);

		// The same code a second time, on a third device: refused, nothing leaked
		Page third = newContext(360, 800).newPage();
		third.navigate(URI.create(decoded).getPath());
		assertThat(third.getByTestId("handoff-problem")).isVisible();
		assertThat(third.getByTestId("handoff-login")).isVisible();
		assertThat(third.locator("body")).not().containsText("Bruna");
		third.context().close();

		// The phone pays
		phone.getByTestId("proceed").click();
		phone.getByLabel("Confermo che i dati di fatturazione inseriti sono corretti").check();
		phone.getByTestId("pay").click();
		assertThat(phone.getByTestId("completed-heading")).isVisible();
		// 25.00 and 24.00 at 10% off = 22.50 + 21.60 = 44.10, + 22% VAT 9.70 = 53.80
		assertThat(phone.getByTestId("new-balance")).hasText("96,20 €");
		screenshot(phone, "issue6-03-handoff-phone-paid");

		// The computer's session is untouched: still signed in, and it sees the paid cart
		// and the new balance
		page.navigate("/cart");
		assertThat(page.getByTestId("cart-empty")).isVisible();
		assertThat(page.getByTestId("balance-amount")).hasText("96,20 €");
		phone.context().close();
	}

	@Test
	void theCodeTypedByHandWorksAndLoggingOutOnTheComputerKillsAnUnusedOne() {
		login(page, DemoData.BRONZE);
		page.navigate("/account/services");
		page.getByTestId("handoff").click();
		String code = page.getByTestId("handoff-code").textContent();

		Page phone = newContext(360, 800).newPage();
		phone.navigate("/h");
		phone.getByLabel("Codice mostrato sul computer").fill(code.toLowerCase());
		phone.getByTestId("handoff-code-submit").click();
		assertThat(phone.getByTestId("handoff-account")).containsText(DemoData.BRONZE);
		phone.getByTestId("handoff-continue").click();
		assertThat(phone).hasURL(Pattern.compile(".*/account/services$"));
		phone.context().close();

		page.navigate("/cart");
		page.getByTestId("handoff").click();
		String unused = page.getByTestId("handoff-url").textContent();
		page.getByTestId("user-menu").click();
		page.getByTestId("logout").click();

		Page late = newContext(360, 800).newPage();
		late.navigate(URI.create(unused).getPath());
		assertThat(late.getByTestId("handoff-problem")).isVisible();
		late.context().close();
	}

}
