package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import it.rivendo.demo.DemoData;
import it.rivendo.services.internal.RenewalReminders;
import it.rivendo.shared.Formats;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.BrowserTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16's reminders in a real browser: the reseller turns on the end customers' notice
 * on the "Promemoria" tab (on a phone, 360 px), it stays on after the redirect; with the
 * clock 30 days before a service's expiry the daily job writes the reseller's e-mail and
 * the end customer's notice, and both e-mails are shown in the browser as their
 * recipients would see them (1366 and 360 px), the customer's without any link to the
 * shop.
 */
@Import({ MutableClock.class, TestShop.class, ActivatedServices.class })
class RenewalRemindersBrowserIT extends BrowserTest {

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivatedServices activated;

	@Autowired
	RenewalReminders reminders;

	@Test
	void theResellerTurnsOnTheCustomersNoticeAndBothEmailsGoOut() {
		Page phone = newContext(360, 800).newPage();
		login(phone, DemoData.GOLD);
		phone.navigate("/account/services");
		phone.getByTestId("tab-reminders").click();
		assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/account/services/reminders$"));
		assertThat(phone.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Promemoria di scadenza")))
			.isVisible();
		var checkbox = phone.getByLabel("Avvisa anche i miei clienti quando un servizio sta per scadere");
		assertThat(checkbox).not().isChecked();
		assertThat(checkbox).hasAttribute("aria-describedby", "notifyEndCustomers-help");
		assertThat(phone.locator("#notifyEndCustomers-help")).containsText("Non contiene link di pagamento");
		assertNoHorizontalScroll(phone);
		assertTapTargets(phone);
		assertAccessible(phone);
		screenshot(phone, "issue16-reminders-01-settings-360");

		checkbox.check();
		phone.getByTestId("save-reminders").click();
		assertThat(phone.getByTestId("flash-success"))
			.hasText("Salvato: i tuoi clienti riceveranno l'avviso di scadenza.");
		assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/account/services/reminders$"));
		assertThat(phone.getByLabel("Avvisa anche i miei clienti quando un servizio sta per scadere")).isChecked();
		assertNoHorizontalScroll(phone);
		screenshot(phone, "issue16-reminders-02-saved-360");
		phone.reload();
		assertThat(phone.getByLabel("Avvisa anche i miei clienti quando un servizio sta per scadere")).isChecked();
		phone.context().close();

		login(page, DemoData.GOLD);
		page.navigate("/account/services/reminders");
		assertThat(page.getByLabel("Avvisa anche i miei clienti quando un servizio sta per scadere")).isChecked();
		assertAccessible(page);
		screenshot(page, "issue16-reminders-03-settings-1366");

		// a signature bought, and activated by its end customer
		buyOne(page, "FIRMA-REMOTA-1A", "SPID");
		assertThat(page.getByTestId("completed-heading")).isVisible();
		long reseller = jdbc.sql("select reseller_id from user_account where email = ?")
			.param(DemoData.GOLD)
			.query(Long.class)
			.single();
		long service = jdbc
			.sql("select max(id) from purchased_service where reseller_id = ? and product_code = 'FIRMA-REMOTA-1A'")
			.param(reseller)
			.query(Long.class)
			.single();
		activated.activate(reseller, service, "laura.bianchi@example.it", ActivatedServices.MARIO);
		Instant expiry = jdbc.sql("select valid_until from purchased_service where id = ?")
			.param(service)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		Instant thirtyBefore = expiry.atZone(Formats.SHOP_ZONE).minusDays(30).toInstant();
		clock.advance(Duration.between(clock.instant(), thirtyBefore));
		reminders.remindDue();

		String resellerMail = html("RENEWAL_REMINDER", DemoData.GOLD);
		Page mail = newContext(1366, 900).newPage();
		mail.setContent(resellerMail);
		assertThat(mail.locator("h1")).hasText(java.util.regex.Pattern.compile("Promemoria rinnovi: \\d+ serviz.*"));
		assertThat(mail.locator("body")).containsText("laura.bianchi@example.it");
		assertThat(mail.locator("body")).containsText("Scade tra 30 giorni");
		assertThat(mail.locator("a[href$='/account/services/" + service + "']")).isVisible();
		assertThat(mail.locator("a[href*='/account/services/expiring']")).isVisible();
		screenshot(mail, "issue16-reminders-04-reseller-mail-1366");
		mail.setViewportSize(360, 800);
		assertNoHorizontalScroll(mail);
		screenshot(mail, "issue16-reminders-05-reseller-mail-360");

		mail.setContent(html("RENEWAL_NOTICE_CUSTOMER", "laura.bianchi@example.it"));
		assertThat(mail.locator("h1")).hasText("Il tuo servizio Firma Remota 1 anno sta per scadere");
		assertThat(mail.locator("body")).containsText("contatta");
		assertThat(mail.locator("a")).hasCount(1);
		assertThat(mail.locator("a")).hasAttribute("href", java.util.regex.Pattern.compile("^mailto:"));
		assertNoHorizontalScroll(mail);
		screenshot(mail, "issue16-reminders-06-customer-mail-360");
		mail.setViewportSize(1366, 900);
		screenshot(mail, "issue16-reminders-07-customer-mail-1366");
		mail.context().close();
	}

	private String html(String kind, String recipient) {
		return jdbc.sql("select body_html from mail_outbox where kind = ? and recipient = ? order by id desc limit 1")
			.param(kind)
			.param(recipient)
			.query(String.class)
			.single();
	}

}
