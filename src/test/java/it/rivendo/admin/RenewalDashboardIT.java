package it.rivendo.admin;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.RenewalFigures;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff dashboard's renewals (issue #16): the services due within 30 days and what
 * renewing them brings in at each reseller's price of today (the catalog's own quote),
 * the list behind it, and the renewals' revenue per month without the cancelled ones.
 */
@WebIntegrationTest
class RenewalDashboardIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	MutableClock clock;

	@Autowired
	ActivatedServices activated;

	@Autowired
	PurchasedServices services;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	AutoRenewals autoRenewals;

	@Autowired
	RenewalFigures figures;

	long alfa;

	long beta;

	long alfaSoon;

	long alfaLater;

	long betaRemote;

	long betaMailbox;

	long betaWithdrawn;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "20").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		shop.product("CASELLA", "FIRMA", SPID, "20.00");
		shop.product("VECCHIO", "FIRMA", SPID, "10.00");
		for (String product : List.of("REMOTA", "CASELLA", "VECCHIO")) {
			shop.catalog().setTerm(product, ServiceTerm.months(12, 90, 0));
		}
		alfa = shop.reseller("alfa@test.it", "BASE", "500.00");
		beta = shop.reseller("beta@test.it", "SILVER", "500.00");
		// beta: 25 % on REMOTA for its tier, 50 % on CASELLA for itself, 20 % on the rest
		shop.catalog().overrideForTier("SILVER", "REMOTA", new BigDecimal("25"));
		shop.catalog().overrideForReseller(beta, "CASELLA", new BigDecimal("50"));
		alfaSoon = activated.buyAndActivate(alfa, "REMOTA", SPID, "mario@test.it");
		betaRemote = activated.buyAndActivate(beta, "REMOTA", SPID, "anna@test.it");
		betaMailbox = activated.buyAndActivate(beta, "CASELLA", SPID, "luca@test.it");
		betaWithdrawn = activated.buyAndActivate(beta, "VECCHIO", SPID, "sara@test.it");
		clock.advance(Duration.ofDays(60));
		alfaLater = activated.buyAndActivate(alfa, "REMOTA", SPID, "piero@test.it");
		// 340 days after the first four: they expire in about 25 days, the last in 85
		clock.advance(Duration.ofDays(280));
		shop.catalog().withdraw("VECCHIO");
	}

	@Test
	void aProductsRenewalPriceValuesItsRenewalsDue() throws Exception {
		shop.catalog().setRenewalPrice("REMOTA", Money.of("29.00"));
		Money quoted = total(catalog.renewalQuote(alfa, "REMOTA", SPID), catalog.renewalQuote(beta, "REMOTA", SPID),
				catalog.renewalQuote(beta, "CASELLA", SPID));
		assertThat(quoted).isEqualTo(Money.of("60.75")); // 29.00 + 21.75 + 10.00

		assertThat(figures.dueWithin(30).value()).isEqualTo(quoted);
		assertThat(page("/admin")).contains("data-testid=\"renewals-due-value\">60,75\u00a0€<");
	}

	@Test
	void theRenewalsDueAreCountedAndValuedAtEachResellersPriceOfToday() throws Exception {
		Money quoted = total(catalog.quote(alfa, "REMOTA", SPID), catalog.quote(beta, "REMOTA", SPID),
				catalog.quote(beta, "CASELLA", SPID));
		assertThat(quoted).isEqualTo(Money.of("78.25")); // 39.00 + 29.25 + 10.00

		RenewalFigures.Due due = figures.dueWithin(30);
		assertThat(due.services()).isEqualTo(4);
		assertThat(due.value()).isEqualTo(quoted);
		assertThat(due.unpriced()).isEqualTo(1);

		String dashboard = page("/admin");
		assertThat(dashboard).contains("Rinnovi in scadenza entro 30 giorni")
			.contains("data-testid=\"renewals-due-count\">4 servizi<")
			.contains("data-testid=\"renewals-due-value\">78,25\u00a0€<")
			.contains("1 servizio non conta nel valore: il suo prodotto non è più in vendita")
			.contains("href=\"/admin/services/due?days=30\"");
		assertThat(page("/admin?lang=en")).contains("Renewals due within 30 days")
			.contains("data-testid=\"renewals-due-count\">4 services<");

		String list = page("/admin/services/due?days=30");
		assertThat(rows(list)).containsExactly(alfaSoon, betaRemote, betaMailbox, betaWithdrawn);
		assertThat(list).contains("4 servizi attivi o sospesi scadono in questo periodo");
		assertThat(rows(page("/admin/services/due?days=90"))).contains(alfaLater).hasSize(5);
		assertThat(rows(page("/admin/services/due?days=abc"))).hasSize(4); // reads as 30
	}

	@Test
	void theRenewalRevenueIsPerMonthWithoutTheCancelledRenewals() throws Exception {
		YearMonth thisMonth = month();
		activated.renew(alfa, alfaSoon);
		String cancelled = activated.renew(beta, betaRemote);
		cancellation.cancel(cancelled, "Rinnovo non voluto", "staff@test.it");

		String dashboard = page("/admin");
		assertThat(revenueRow(dashboard, thisMonth)).containsExactly("1", "0", "39,00\u00a0€");
		assertThat(dashboard).contains("Ricavi da rinnovi negli ultimi 12 mesi").contains("Ricavi del mese");
		assertThat(figures.revenueByMonth(12)).hasSize(12)
			.extracting(RenewalFigures.MonthlyRevenue::month)
			.startsWith(thisMonth.minusMonths(11))
			.endsWith(thisMonth);
		// alfa's renewed service is no longer due, beta's is due again
		assertThat(figures.dueWithin(30).services()).isEqualTo(3);

		// the later one renews itself from the credit in its last 30 days, a month or two
		// on
		services.changeAutoRenew(alfa, alfaLater, true, "alfa@test.it");
		clock.advance(Duration.ofDays(60));
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);

		YearMonth later = month();
		assertThat(later).isNotEqualTo(thisMonth);
		dashboard = page("/admin");
		assertThat(revenueRow(dashboard, thisMonth)).containsExactly("1", "0", "39,00\u00a0€");
		assertThat(revenueRow(dashboard, later)).containsExactly("1", "1", "39,00\u00a0€");
		assertThat(dashboard).containsPattern("data-testid=\"renewal-chart-y\">\\s*<span>39,00\\h€</span>");
	}

	@Test
	void withoutRenewalsTheRevenueChartShowsOneZeroAndSaysSo() throws Exception {
		String dashboard = page("/admin");

		assertThat(dashboard).containsPattern("data-testid=\"renewal-chart-y\">\\s*<span>0,00\\h€</span>\\s*</div>")
			.contains("Nessun rinnovo pagato negli ultimi 12 mesi.");
		assertThat(dashboard.split("data-testid=\"renewal-chart\"")[1].split("</figure>")[0]).containsOnlyOnce("0,00");

		activated.renew(alfa, alfaSoon);
		dashboard = page("/admin");
		assertThat(dashboard)
			.containsPattern("data-testid=\"renewal-chart-y\">\\s*<span>39,00\\h€</span>\\s*<span>19,50\\h€</span>"
					+ "\\s*<span>0,00\\h€</span>")
			.doesNotContain("Nessun rinnovo pagato");
	}

	@Test
	void onlyStaffSeeTheList() throws Exception {
		mvc.perform(get("/admin/services/due").with(user(shop.userOf(alfa, "alfa@test.it"))))
			.andExpect(status().isForbidden());
	}

	private YearMonth month() {
		return YearMonth.from(LocalDate.now(clock.withZone(Formats.SHOP_ZONE)));
	}

	/** What the quoted services cost together, net. */
	private static Money total(PriceQuote... quotes) {
		return Stream.of(quotes).map(PriceQuote::netPrice).reduce(Money.ZERO, Money::plus);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(shop.staff())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The services listed, by id, in the page's order. */
	private static List<Long> rows(String page) {
		Matcher ids = Pattern.compile("href=\"/admin/services/(\\d+)\"").matcher(page);
		return ids.results().map(m -> Long.parseLong(m.group(1))).toList();
	}

	/** The renewal table's cells of one month: renewals, automatic, revenue. */
	private static List<String> revenueRow(String page, YearMonth month) {
		Matcher row = Pattern
			.compile("<tr data-month=\"" + month + "\">\\s*<th scope=\"row\">[^<]*</th>"
					+ "\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>")
			.matcher(page);
		assertThat(row.find()).as("a row for " + month).isTrue();
		return List.of(row.group(1), row.group(2), row.group(3));
	}

}
