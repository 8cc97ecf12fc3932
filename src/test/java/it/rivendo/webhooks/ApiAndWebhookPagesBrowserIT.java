package it.rivendo.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import it.rivendo.demo.DemoData;
import it.rivendo.support.BrowserTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Titolare's "API" and "Webhook" pages in Chromium at 1366 and 360 px (issue 18): a
 * key is created, shown once with its visible prefix, opens the API, and is revoked; the
 * webhooks page, linked from the API page, registers a real HTTP receiver started by the
 * test, shows its secret once, sends a test event that the receiver verifies with that
 * secret, and the delivery log shows the answer's status code; "Invia di nuovo" sends the
 * same event again with the same webhook-id. No page scrolls sideways; screenshots at
 * both sizes.
 */
class ApiAndWebhookPagesBrowserIT extends BrowserTest {

	@Test
	void anApiKeyIsShownOnceWorksAndIsRevoked() {
		login(page, DemoData.GOLD);
		createUseAndRevokeAKey(page, "1366");

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		createUseAndRevokeAKey(phone, "360");
		phone.context().close();
	}

	@Test
	void aWebhookReceivesATestEventAndItIsSentAgain() throws Exception {
		login(page, DemoData.GOLD);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			registerAndSend(page, receiver, "1366");
		}

		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			registerAndSend(phone, receiver, "360");
		}
		phone.context().close();
	}

	private void createUseAndRevokeAKey(Page on, String size) {
		String name = "Gestionale " + size;
		on.navigate("/account/api");
		on.locator("#name").fill(name);
		on.getByLabel("Lettura e scrittura", new Page.GetByLabelOptions().setExact(false)).check();
		on.getByTestId("api-key-create").click();

		// shown once, beginning with the prefix the list keeps
		assertThat(on.getByTestId("api-key-created")).containsText("Chiave «" + name + "» creata");
		String secret = on.getByTestId("api-key-secret").inputValue();
		Locator row = on.locator("[data-testid=api-keys] tbody tr")
			.filter(new Locator.FilterOptions().setHasText(name));
		String prefix = row.getAttribute("data-key-prefix");
		assertThat(prefix).isNotBlank();
		assertThat(secret).startsWith(prefix).hasSizeGreaterThan(prefix.length() + 20);
		assertThat(row).containsText(prefix + "…");
		assertThat(row).containsText("Lettura e scrittura");
		assertThat(row).containsText("Mai usata");
		screenshot(on, "issue18-api-key-created-" + size);
		assertNoHorizontalScroll(on);
		assertAccessible(on);

		// the key opens the API
		assertThat(balanceWith(on, secret)).isEqualTo(200);

		// the page again: the key is not shown, its prefix is, and it was used
		on.navigate("/account/api");
		assertThat(on.getByTestId("api-key-created")).hasCount(0);
		assertThat(on.content()).doesNotContain(secret);
		assertThat(row).containsText(prefix + "…");
		assertThat(row).not().containsText("Mai usata");

		row.getByTestId("api-key-revoke").click();
		assertThat(on.locator("body")).containsText("Chiave revocata: da ora non apre più nulla.");
		assertThat(row).containsText("Revocata il");
		assertThat(row.getByTestId("api-key-revoke")).hasCount(0);
		screenshot(on, "issue18-api-key-revoked-" + size);
		assertNoHorizontalScroll(on);
		assertThat(balanceWith(on, secret)).isEqualTo(401);
	}

	/**
	 * "Invia di nuovo" on a line of the log, which then shows the answer and the count.
	 */
	private static void sendAgain(Locator delivery, String answer, String attempts) {
		delivery
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Invia di nuovo"))
			.click();
		assertThat(delivery.locator("td").nth(3)).hasText(answer);
		assertThat(delivery.locator("td").nth(5)).hasText(attempts);
	}

	private static int balanceWith(Page on, String key) {
		return on.context()
			.request()
			.get("/api/v1/balance", RequestOptions.create().setHeader("Authorization", "Bearer " + key))
			.status();
	}

	private void registerAndSend(Page on, WebhookReceiver receiver, String size) {
		// from the API page
		on.navigate("/account/api");
		on.getByTestId("api-webhooks").click();
		assertThat(on).hasURL(Pattern.compile(".*/account/api/webhooks$"));
		on.locator("#url").fill(receiver.url());
		on.getByLabel("Ordine pagato").check();
		on.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Registra l'indirizzo"))
			.click();

		// the secret, once
		assertThat(on.getByTestId("webhook-secret")).isVisible();
		String secret = on.getByTestId("webhook-secret-value").textContent().strip();
		assertThat(secret).startsWith("whsec_");
		receiver.secret(secret);
		assertThat(on.locator("h1")).hasText(receiver.url());
		screenshot(on, "issue18-webhook-registered-" + size);
		assertNoHorizontalScroll(on);
		assertAccessible(on);

		// a test event: the receiver gets it, signed with that secret
		on.getByTestId("webhook-send-test").click();
		assertThat(on.getByTestId("webhook-sent")).hasText("Consegnato: il tuo indirizzo ha risposto 204.");
		List<WebhookReceiver.Received> received = receiver.received();
		assertThat(received).hasSize(1);
		assertThat(received.get(0).signatureValid()).isTrue();
		assertThat(received.get(0).body()).contains("webhook.test");
		String id = received.get(0).id();
		Locator delivery = on.locator("[data-testid=webhook-log] tbody tr[data-message-id='" + id + "']");
		assertThat(delivery).containsText("Evento di prova");
		assertThat(delivery).containsText("Consegnato");
		assertThat(delivery.locator("td").nth(3)).hasText("204");
		assertThat(delivery.locator("td").nth(5)).hasText("1");
		// the secret is not on the page any more
		assertThat(on.getByTestId("webhook-secret")).hasCount(0);
		assertThat(on.content()).doesNotContain(secret);
		screenshot(on, "issue18-webhook-test-sent-" + size);
		assertNoHorizontalScroll(on);
		assertAccessible(on);

		// "Invia di nuovo" while the receiver fails: the answer is logged
		receiver.answer(500);
		sendAgain(delivery, "500", "2");
		assertThat(on.getByTestId("webhook-sent")).containsText("Non consegnato (500)");
		screenshot(on, "issue18-webhook-send-again-failed-" + size);
		assertNoHorizontalScroll(on);

		// and once it answers again: delivered, the same webhook-id every time
		receiver.answer(204);
		sendAgain(delivery, "204", "3");
		assertThat(on.getByTestId("webhook-sent")).hasText("Consegnato: il tuo indirizzo ha risposto 204.");
		assertThat(receiver.received()).hasSize(3)
			.allSatisfy(each -> assertThat(each.id()).isEqualTo(id))
			.allSatisfy(each -> assertThat(each.signatureValid()).isTrue());
	}

}
