package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.identity.PasswordReset;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.OutboxLinks;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Password dimenticata?" in a real browser: from the login page to the link in the
 * e-mail, a new password, and signing in with it.
 */
class PasswordResetBrowserIT extends BrowserTest {

	static final String NEW_PASSWORD = "una frase nuova e lunga";

	@Autowired
	PasswordReset resets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fromTheLoginPageToANewPassword() {
		page.navigate("/login");
		page.getByTestId("forgot-password").click();
		assertThat(page).hasURL(Pattern.compile(".*/forgot-password$"));
		page.getByLabel("E-mail").fill("nonvalido");
		page.getByTestId("reset-submit").click();
		assertThat(page.locator("#email-error")).containsText("non valido");
		page.getByLabel("E-mail").fill(DemoData.SILVER);
		page.getByTestId("reset-submit").click();
		assertThat(page.getByTestId("reset-sent")).hasText("Controlla la posta");
		screenshot(page, "issue21-reset-01-sent");
		assertAccessible(page);

		resets.sendLinks(); // what the job does every few seconds
		String token = OutboxLinks.token(jdbc, "PASSWORD_RESET", DemoData.SILVER, "/set-password/");
		page.navigate("/set-password/" + token);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
		page.getByLabel("Ripeti la password").fill(NEW_PASSWORD);
		screenshot(page, "issue21-reset-02-new-password");
		page.getByTestId("password-submit").click();
		assertThat(page.getByTestId("flash-success")).containsText("Password salvata");

		login(page, DemoData.SILVER, NEW_PASSWORD);
		assertThat(page.getByTestId("balance-amount")).isVisible();

		Page phone = newContext(360, 800).newPage();
		phone.navigate("/forgot-password");
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue21-reset-03-form-360");
		phone.context().close();
	}

}
