package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.ServiceTerm;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.TestShop;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "In scadenza": what expires within 30, 60 or 90 days, filtered and sorted by date, the
 * total to renew it all at the reseller's discounted prices of today, the same rows as
 * CSV, and the count on the home page.
 */
class ExpiringServicesIT extends RenewalTest {

	/** An end customer whose name a spreadsheet would run as a formula. */
	static final EndCustomer TRICKY = new EndCustomer("=HYPERLINK(\"http://x\")", "Rossi", "RSSMRA85T10A562S",
			"+39 333 1234567");

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	ServiceAdministration administration;

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	DataSource dataSource;

	long soon;

	@Autowired
	ExpiringServices expiring;

	long later;

	long last;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("ORO", "10").family("FIRMA").family("FATTURA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 10));
		shop.product("CASELLA", "FATTURA", SPID, "20.00");
		shop.catalog().setTerm("CASELLA", ServiceTerm.months(12, 90, 30));
		shop.product("MARCHE", "FIRMA", SPID, "5.00"); // no term: never expires
		reseller = shop.reseller("owner@test.it", "ORO", "1000.00");
		owner = shop.userOf(reseller, "owner@test.it");
		long other = shop.reseller("other@test.it", "BASE", "100.00");

		shop.buy(reseller, TestShop.CUSTOMER, "REMOTA", SPID, 2, "CASELLA", SPID, 1, "MARCHE", SPID, 1);
		shop.buy(other, "REMOTA", SPID, 1);
		List<Long> remote = ids(reseller, "REMOTA");
		soon = remote.get(0);
		later = remote.get(1);
		last = ids(reseller, "CASELLA").get(0);
		activate(reseller, soon, "mario@test.it", TRICKY);
		activate(reseller, ids(reseller, "MARCHE").get(0), "mario@test.it", ActivatedServices.MARIO);
		activate(other, ids(other, "REMOTA").get(0), "altro@test.it", ActivatedServices.MARIO);
		clock.advance(Duration.ofDays(30));
		activate(reseller, later, "anna@test.it",
				new EndCustomer("Anna", "Bianchi", "BNCLRA70A41H501B", "+39 333 7654321"));
		clock.advance(Duration.ofDays(30));
		activate(reseller, last, "luca@test.it", ActivatedServices.MARIO);
		// 345 days after the first activation: the three expire in about 20, 50 and 80
		// days
		clock.advance(Duration.ofDays(285));
	}

	@Test
	void withinThirtyDaysByDefaultWithTheCostOfRenewingAtTheResellersDiscountedPrice() throws Exception {
		String page = page("/account/services/expiring");

		assertThat(rows(page)).containsExactly(soon);
		assertThat(page).contains("1 servizio in scadenza entro 30 giorni")
			.contains("In scadenza tra " + daysLeft(soon) + " giorni")
			.contains("data-testid=\"expiring-taxable\">35,10\u00a0€<") // 39.00 less 10%
			.contains("data-testid=\"expiring-total\">42,82\u00a0€<")
			.containsPattern("data-testid=\"renewal-price\"[^>]*>35,10\u00a0€<")
			.contains("aria-current=\"page\"");
		assertThat(page("/")).contains("data-testid=\"home-expiring\"")
			.containsPattern("<strong class=\"fs-4\">1</strong>\\s*<span class=\"small\">in scadenza entro 30 giorni");
	}

	@Test
	void ninetyDaysListsEverythingSoonestFirstAndTotalsExactly() throws Exception {
		String page = page("/account/services/expiring?days=90");

		assertThat(rows(page)).containsExactly(soon, later, last);
		// 2 × 35.10 + 18.00 = 88.20; VAT 22 % 19.40
		assertThat(page).contains("3 servizi in scadenza entro 90 giorni")
			.contains("data-testid=\"expiring-taxable\">88,20\u00a0€<")
			.contains("data-testid=\"expiring-total\">107,60\u00a0€<");
		assertThat(rows(page("/account/services/expiring?days=60"))).containsExactly(soon, later);
		assertThat(page("/account/services/expiring?days=60&lang=en")).contains("2 services expiring within 60 days");
		// what the page does not offer reads as 30
		assertThat(rows(page("/account/services/expiring?days=abc"))).containsExactly(soon);
		assertThat(rows(page("/account/services/expiring?days=1000"))).containsExactly(soon);
	}

	@Test
	void filtersByFamilyProductAndCustomerEmail() throws Exception {
		assertThat(rows(page("/account/services/expiring?days=90&family=FATTURA"))).containsExactly(last);
		assertThat(rows(page("/account/services/expiring?days=90&product=REMOTA"))).containsExactly(soon, later);
		String anna = page("/account/services/expiring?days=90&q=ANNA@");
		assertThat(rows(anna)).containsExactly(later);
		assertThat(anna).contains("data-testid=\"expiring-taxable\">35,10\u00a0€<").contains("value=\"ANNA@\"");
		assertThat(page("/account/services/expiring?days=90&q=nessuno")).contains("Nessun servizio corrisponde");
	}

	@Test
	void theFiltersOfferTheFamiliesAndProductsOfTheResellersServicesWithATerm() {
		// MARCHE has no term, the other reseller's services are not this one's
		shop.buy(reseller, "REMOTA", SPID, 1); // bought, not activated: no date yet
		assertThat(expiring.families(reseller)).extracting(ExpiringServices.Choice::code)
			.containsExactlyInAnyOrder("FIRMA", "FATTURA");
		assertThat(expiring.products(reseller)).extracting(ExpiringServices.Choice::code)
			.containsExactly("CASELLA", "REMOTA");
		assertThat(expiring.products(reseller).get(1).name().it()).isEqualTo("Prodotto REMOTA");

		long other = shop.reseller("third@test.it", "BASE", "100.00");
		assertThat(expiring.families(other)).isEmpty();
		assertThat(expiring.products(other)).isEmpty();
	}

	@Test
	void anEndedServiceStaysWhileItCanStillBeRenewed() throws Exception {
		clock.advance(Duration.ofDays(daysLeft(soon) + 1));
		jobs.runNow("ServiceLifecycle.run");
		assertThat(services.view(reseller, soon).status()).isEqualTo(ServiceStatus.TERM_ENDED);

		String page = page("/account/services/expiring");
		assertThat(rows(page)).containsExactly(soon, later);
		assertThat(page).contains(">Scaduto<");

		clock.advance(Duration.ofDays(10)); // past the 10 days of grace
		assertThat(rows(page("/account/services/expiring"))).containsExactly(later);
	}

	@Test
	void whatRenewingCostsIsAtTheRenewalPriceOfAProductThatHasOne() throws Exception {
		shop.catalog().setRenewalPrice("REMOTA", Money.of("25.00"));

		String page = page("/account/services/expiring?days=90");

		// 2 × (25.00 less 10%) + 18.00 = 63.00; VAT 22 % 13.86
		assertThat(page).containsPattern("data-testid=\"renewal-price\"[^>]*>22,50\u00a0€<")
			.contains("data-testid=\"expiring-taxable\">63,00\u00a0€<")
			.contains("data-testid=\"expiring-total\">76,86\u00a0€<");
	}

	@Test
	void theTotalIsExactlyWhatRenewingEveryListedServiceCostsInTheCart() {
		// REMOTA has a renewal price, CASELLA renews at its purchase price
		shop.catalog().setRenewalPrice("REMOTA", Money.of("25.00"));
		clock.advance(Duration.ofDays(daysLeft(soon) + 1));
		jobs.runNow("ServiceLifecycle.run"); // soon has ended, inside its 10 days of
												// grace
		for (ExpiringFilter filter : List.of(ExpiringFilter.within(30), ExpiringFilter.within(90),
				new ExpiringFilter(90, "FATTURA", "", ""), new ExpiringFilter(90, "", "REMOTA", ""),
				new ExpiringFilter(90, "FIRMA", "", "MARIO@"), new ExpiringFilter(60, "", "", "anna"))) {
			List<Long> listed = new java.util.ArrayList<>();
			expiring.forEach(reseller, filter, s -> listed.add(s.id()));
			ExpiringServices.Overview overview = expiring.overview(reseller, filter,
					org.springframework.data.domain.PageRequest.of(0, 20));
			assertThat(listed).as("%s", filter).isNotEmpty();
			assertThat(overview.services().getTotalElements()).as("%s", filter).isEqualTo(listed.size());
			assertThat(overview.services().map(ExpiringService::id).toList()).isEqualTo(listed);

			services.addRenewalsToCart(owner, listed);
			it.rivendo.cart.CartView cart = carts.view(owner);
			assertThat(cart.lines()).hasSize(listed.size());
			assertThat(overview.renewal()).as("%s", filter).isEqualTo(cart.totals());
			assertThat(overview.unpriced()).isZero();
			cart.lines().forEach(line -> carts.remove(owner, line.id()));
		}
	}

	@Test
	void pagesMergeTheRunningAndTheEndedServicesInDateOrder() {
		clock.advance(Duration.ofDays(daysLeft(soon) + 1));
		jobs.runNow("ServiceLifecycle.run"); // soon has ended, inside its 10 days of
												// grace
		ExpiringFilter ninety = ExpiringFilter.within(90);
		List<Long> paged = new java.util.ArrayList<>();
		for (int page = 0; page < 4; page++) {
			paged.addAll(expiring.overview(reseller, ninety, PageRequest.of(page, 1))
				.services()
				.map(ExpiringService::id)
				.toList());
		}
		assertThat(paged).containsExactly(soon, later, last);
		assertThat(expiring.overview(reseller, ninety, PageRequest.of(1, 2)).services().map(ExpiringService::id))
			.containsExactly(last);
		List<Long> listed = new java.util.ArrayList<>();
		expiring.forEach(reseller, ninety, s -> listed.add(s.id()));
		assertThat(listed).containsExactly(soon, later, last);
	}

	@Test
	void theCsvHasTheSameRowsDefusedForSpreadsheets() throws Exception {
		byte[] body = mvc.perform(get("/account/services/expiring.csv").param("days", "90").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"rivendo-in-scadenza-90-giorni-"
							+ LocalDate.ofInstant(clock.instant(), Formats.SHOP_ZONE) + ".csv\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		List<CSVRecord> rows = CSVFormat.Builder.create()
			.setDelimiter(';')
			.get()
			.parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
			.getRecords();

		assertThat(rows.get(0).values()).containsExactly("id_servizio", "codice_prodotto", "prodotto", "famiglia",
				"identificazione", "ordine", "email_cliente", "nome_cliente", "stato", "valido_fino_al", "giorni",
				"prezzo_rinnovo_eur", "aliquota_iva");
		assertThat(rows).hasSize(4);
		assertThat(rows.subList(1, 4)).extracting(r -> Long.parseLong(r.get(0))).containsExactly(soon, later, last);
		CSVRecord first = rows.get(1);
		assertThat(first.get(2)).isEqualTo("Prodotto REMOTA");
		assertThat(first.get(3)).isEqualTo("FIRMA");
		assertThat(first.get(4)).isEqualTo("SPID");
		assertThat(first.get(6)).isEqualTo("mario@test.it");
		assertThat(first.get(7)).isEqualTo("'=HYPERLINK(\"http://x\") Rossi");
		assertThat(first.get(8)).isEqualTo("Attivo");
		assertThat(first.get(9))
			.isEqualTo(LocalDate.ofInstant(services.view(reseller, soon).validUntil(), Formats.SHOP_ZONE).toString());
		assertThat(first.get(10)).isEqualTo(String.valueOf(daysLeft(soon)));
		assertThat(first.get(11)).isEqualTo("35.10");
		assertThat(first.get(12)).isEqualTo("22.00");
		assertThat(rows.get(3).get(11)).isEqualTo("18.00");

		byte[] pec = mvc.perform(
				get("/account/services/expiring.csv").param("days", "90").param("family", "FATTURA").with(user(owner)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pec, StandardCharsets.UTF_8).split("\r\n")).hasSize(2);
	}

	@Test
	void anotherResellersServicesAndServicesWithoutTermAreNotThere() throws Exception {
		String page = page("/account/services/expiring?days=90");
		assertThat(rows(page)).containsExactly(soon, later, last);
		assertThat(page).doesNotContain("altro@test.it").doesNotContain("<option value=\"MARCHE\"");
	}

	@Test
	void theSelectedServicesGoIntoTheCartTogetherAndNoneSelectedKeepsTheFilter() throws Exception {
		String page = page("/account/services/expiring?days=90");
		assertThat(page).contains("Rinnova i selezionati").contains("data-testid=\"renew-all\"");
		assertThat(Pattern.compile("data-testid=\"renew-check\"").matcher(page).results().count()).isEqualTo(3);

		mvc.perform(post("/account/services/expiring/renew").param("days", "90")
			.param("product", "REMOTA")
			.param("page", "0")
			.with(user(owner))
			.with(csrf()))
			.andExpect(redirectedUrl("/account/services/expiring?days=90&product=REMOTA&page=0"))
			.andExpect(flash().attribute("error", "services.renew.noneSelected"));
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();

		mvc.perform(post("/account/services/expiring/renew").param("days", "90")
			.param("service", String.valueOf(soon), String.valueOf(later))
			.with(user(owner))
			.with(csrf()))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("success", "services.renew.addedMany"));
		assertThat(carts.view(shop.owner(reseller)).lines()).extracting(line -> line.renewal().serviceId())
			.containsExactlyInAnyOrder(soon, later);
	}

	@Test
	void aSelectedServiceThatCannotBeRenewedYetIsNamedOnItsRowAndNothingIsAdded() throws Exception {
		// two months, renewable only in its last 30 days: on the 90-day list, not
		// renewable yet
		shop.product("BREVE", "FIRMA", SPID, "8.00");
		shop.catalog().setTerm("BREVE", ServiceTerm.months(2, 30, 0));
		long early = activated.buyAndActivate(reseller, "BREVE", SPID, "breve@test.it");
		String page = page("/account/services/expiring?days=90");
		assertThat(rows(page)).contains(early);
		assertThat(page).doesNotContain("id=\"renew-" + early + "\"")
			.containsPattern("data-testid=\"renewable-from\">Rinnovabile dal \\d{2}/\\d{2}/\\d{4}<");

		// the box ticked anyway (a page left open, a forged form)
		MvcResult refused = mvc
			.perform(post("/account/services/expiring/renew").param("days", "90")
				.param("page", "0")
				.param("service", String.valueOf(soon), String.valueOf(early))
				.with(user(owner))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/services/expiring?days=90&page=0"))
			.andExpect(flash().attribute("error", "services.expiring.renewRefused"))
			.andReturn();
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();

		String back = mvc
			.perform(get("/account/services/expiring?days=90&page=0").cookie(refused.getResponse().getCookie("SESSION"))
				.with(user(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(back)
			.contains("Nessun rinnovo aggiunto al carrello: un servizio selezionato non si può rinnovare ora")
			.containsPattern("data-service=\"" + early + "\"[\\s\\S]*?data-testid=\"renew-refused\">"
					+ "Il rinnovo di questo servizio non è ancora aperto")
			// the selection is kept
			.containsPattern("id=\"renew-" + soon + "\"[^>]*checked");
	}

	@Test
	void anotherResellersServiceCannotBeSelected() throws Exception {
		long foreign = ids(jdbc.sql("select id from reseller where id <> ?").param(reseller).query(Long.class).single(),
				"REMOTA")
			.get(0);
		mvc.perform(post("/account/services/expiring/renew").param("service", String.valueOf(foreign))
			.with(user(owner))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();
	}

	@Test
	void theCountsKeptPerDayFollowEveryChangeOfTheServicesAndFoldIntoOneRowADay() {
		assertThat(keptCounts()).isNotEmpty().isEqualTo(liveCounts()); // the activations

		services.addRenewalsToCart(owner, List.of(soon)); // a paid renewal: a year on
		String renewal = shop.pay(reseller);
		assertThat(keptCounts()).isEqualTo(liveCounts());
		administration.suspend(later, clock.instant().plus(Duration.ofDays(5)), "Verifica", "staff@test.it");
		assertThat(keptCounts()).isEqualTo(liveCounts());
		cancellation.cancel(renewal, "Pagato per errore", "staff@test.it"); // the old
																			// date back
		assertThat(keptCounts()).isEqualTo(liveCounts());
		administration.revoke(last, "Revocato", "staff@test.it");
		// several rows in one statement, whoever writes them
		jdbc.sql("update purchased_service set valid_until = valid_until + interval '3 days' where reseller_id = ?")
			.param(reseller)
			.update();
		assertThat(keptCounts()).isEqualTo(liveCounts());
		long unfolded = jdbc.sql("select count(*) from expiring_count").query(Long.class).single();

		// soon's term ends; the hourly job folds the rows of changes
		clock.advance(Duration.ofDays(daysLeft(soon) + 1));
		jobs.runNow("ServiceLifecycle.run");
		assertThat(services.view(reseller, soon).status()).isEqualTo(ServiceStatus.TERM_ENDED);
		assertThat(keptCounts()).isEqualTo(liveCounts());
		assertThat(jdbc.sql("select count(*) from expiring_count").query(Long.class).single())
			.isEqualTo(liveCounts().size())
			.isLessThan(unfolded);
		assertThat(jdbc.sql("select bool_and(folded) from expiring_count").query(Boolean.class).single()).isTrue();
		// and the page counts what it lists
		List<Long> listed = new java.util.ArrayList<>();
		expiring.forEach(reseller, ExpiringFilter.within(90), s -> listed.add(s.id()));
		assertThat(listed).containsExactly(soon, later);
		assertThat(expiring.overview(reseller, ExpiringFilter.within(90), PageRequest.of(0, 20))
			.services()
			.getTotalElements()).isEqualTo(2);
		assertThat(expiring.countWithin(reseller, 90)).isEqualTo(1); // later; soon has
																		// ended
	}

	@Test
	void emptyingTheServicesEmptiesTheirKeptCounts() {
		assertThat(keptCounts()).isNotEmpty();
		// a truncate fires none of V168's row or statement triggers
		jdbc.sql("truncate purchased_service cascade").update();
		assertThat(keptCounts()).isEmpty();
		assertThat(expiring.countWithin(reseller, 90)).isZero();
	}

	@Test
	void twoWritersMovingServicesToTheSameDayDoNotWaitForEachOther() throws Exception {
		String toTheSameDay = "update purchased_service set valid_until = ?::timestamptz where id = ?";
		String day = clock.instant().plus(Duration.ofDays(40)).toString();
		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);
			update(first, toTheSameDay, day, soon);
			try (var timeout = second.createStatement()) {
				timeout.execute("set local lock_timeout = '2s'");
			}
			update(second, toTheSameDay, day, later); // would fail after 2 s if it waited
			second.commit();
			first.commit();
		}
		assertThat(keptCounts()).isEqualTo(liveCounts());
	}

	private static void update(Connection connection, String sql, String validUntil, long id) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, validUntil);
			statement.setLong(2, id);
			assertThat(statement.executeUpdate()).isOne();
		}
	}

	/** The kept counts of running services per reseller, product, mode and day. */
	private List<String> keptCounts() {
		return jdbc
			.sql("""
					select concat_ws(' ', reseller_id, product_id, product_code, mode, day, sum(services)) from expiring_count
					group by reseller_id, product_id, product_code, mode, day having sum(services) <> 0
					order by reseller_id, product_id, product_code, mode, day""")
			.query(String.class)
			.list();
	}

	/** The same, counted from the services themselves. */
	private List<String> liveCounts() {
		return jdbc.sql("""
				select concat_ws(' ', reseller_id, product_id, product_code, mode,
				                 (valid_until at time zone 'Europe/Rome')::date, count(*)) from purchased_service
				where status in ('ACTIVE', 'SUSPENDED') and valid_until is not null
				group by reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date
				order by reseller_id, product_id, product_code, mode, (valid_until at time zone 'Europe/Rome')::date""")
			.query(String.class)
			.list();
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user(owner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<Long> rows(String page) {
		Matcher matcher = Pattern.compile("<tr data-service=\"(\\d+)\"").matcher(page);
		List<Long> ids = new java.util.ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private long daysLeft(long id) {
		Instant validUntil = services.view(reseller, id).validUntil();
		return ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), Formats.SHOP_ZONE),
				LocalDate.ofInstant(validUntil, Formats.SHOP_ZONE));
	}

	private void activate(long resellerId, long id, String email, EndCustomer customer) {
		activated.activate(resellerId, id, email, customer);
	}

	private List<Long> ids(long resellerId, String productCode) {
		return jdbc.sql("select id from purchased_service where reseller_id = ? and product_code = ? order by id")
			.param(resellerId)
			.param(productCode)
			.query(Long.class)
			.list();
	}

}
