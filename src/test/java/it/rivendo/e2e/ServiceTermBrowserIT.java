package it.rivendo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import it.rivendo.demo.DemoData;
import it.rivendo.ops.ScheduledJobs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16's term of a service in a real browser: buy a one-year remote signature,
 * associate it, the end customer is identified by the demo's simulated provider; the
 * customer area shows "Valido fino al" a year on; with the clock moved inside the renewal
 * window, "In scadenza tra N giorni"; past the date and the hourly job, "Scaduto".
 */
class ServiceTermBrowserIT extends RenewalBrowserTest {

	@Autowired
	ScheduledJobs jobs;

	@Test
	void anActiveServiceShowsItsDateThenTheDaysLeftThenScaduto() {
		login(page, DemoData.GOLD);
		String servicePath = activeRemoteSignature("laura.bianchi@example.it");

		// a year from activation, in the shop's time zone
		LocalDate until = aYearOn();
		String date = DAY.format(until);
		page.navigate(servicePath);
		assertThat(page.getByTestId("service-status")).hasText("Attivo");
		assertThat(page.getByTestId("valid-until")).hasText(date);
		assertThat(page.getByTestId("expires-in")).hasCount(0);
		page.navigate("/account/services");
		Locator row = page.locator("tr[data-product='FIRMA-REMOTA-1A']").first();
		assertThat(row.getByTestId("valid-until")).hasText("Valido fino al " + date);
		screenshot(page, "issue16-01-valid-until");

		clock.advance(Duration.ofDays(320));
		long days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(it.rivendo.shared.Formats.SHOP_ZONE)), until);
		assertThat(days).isBetween(40L, 50L);
		page.reload();
		assertThat(row.getByTestId("expires-in")).hasText("In scadenza tra " + days + " giorni");
		screenshot(page, "issue16-02-expiring");
		page.navigate(servicePath);
		assertThat(page.getByTestId("expires-in")).hasText("In scadenza tra " + days + " giorni");
		screenshot(page, "issue16-03-expiring-detail");

		// the "In scadenza" tab, from the home page's count, on a laptop and on a phone
		page.navigate("/");
		page.getByTestId("home-expiring").click();
		assertThat(page.getByTestId("tab-expiring")).hasAttribute("aria-current", "page");
		assertThat(page.getByTestId("expiring-count")).containsText("entro 30 giorni");
		page.getByLabel("Scadenza entro").selectOption("60");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtra")).click();
		Locator expiring = page.locator("table[data-testid='expiring'] tr[data-product='FIRMA-REMOTA-1A']");
		assertThat(expiring).hasCount(1);
		assertThat(expiring.getByTestId("expires-in")).hasText("In scadenza tra " + days + " giorni");
		assertThat(page.getByTestId("expiring-count")).containsText("1 servizio in scadenza entro 60 giorni");
		assertThat(page.getByTestId("expiring-total")).isVisible();
		assertAccessible(page);
		screenshot(page, "issue16-05-expiring-tab-1366");
		Page small = newContext(360, 800).newPage();
		login(small, DemoData.GOLD);
		small.navigate("/account/services/expiring?days=60");
		assertThat(small.locator("tr[data-product='FIRMA-REMOTA-1A']")).hasCount(1);
		assertNoHorizontalScroll(small);
		assertTapTargets(small);
		screenshot(small, "issue16-06-expiring-tab-360");
		small.context().close();
		page.navigate(servicePath);

		clock.advance(Duration.ofDays(days + 1));
		assertThat(jobs.runNow("ServiceLifecycle.run")).isTrue();
		page.reload();
		assertThat(page.getByTestId("service-status")).hasText("Scaduto");
		assertThat(page.getByTestId("valid-until")).hasText(date);
		assertThat(page.getByTestId("expires-in")).hasCount(0);
		assertThat(page.getByTestId("history")).containsText("Scaduto: durata terminata");
		screenshot(page, "issue16-04-term-ended");
	}

}
