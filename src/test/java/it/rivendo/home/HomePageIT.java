package it.rivendo.home;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.PurchasedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reseller's home page at {@code /}: credit, what needs attention, the last orders
 * and the ways on; staff land on their dashboard.
 */
@WebIntegrationTest
class HomePageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "500.00");
		reseller = shop.userOf(resellerId, "reseller@test.it");
	}

	@Test
	void aNewResellerSeesItsCreditNothingToDoAndTheWayToTheCatalogAndToTopUp() throws Exception {
		String page = home(reseller);

		assertThat(page).contains("data-testid=\"home-balance\">500,00\u00a0€<")
			.contains("Nessun servizio aspetta te o i tuoi clienti.")
			.contains("Non hai ancora effettuato ordini.")
			.contains("href=\"/catalog\"")
			.contains("href=\"/account/credit/top-up\"");
	}

	@Test
	void servicesToAssociateActivationsWaitingAndTheLastFiveOrdersNewestFirst() throws Exception {
		for (int i = 0; i < 6; i++) {
			shop.buy(resellerId, "REMOTA", SPID, i == 0 ? 3 : 1);
			clock.advance(Duration.ofMinutes(1));
		}
		List<Long> ids = jdbc.sql("select id from purchased_service order by id").query(Long.class).list();
		services.associate(resellerId, ids.get(0), "mario@test.it", "Mario Rossi", "reseller@test.it");
		List<String> numbers = jdbc.sql("select number from purchase_order order by id desc")
			.query(String.class)
			.list();

		String page = home(reseller);

		assertThat(page).contains("<strong class=\"fs-4\">7</strong>")
			.contains(">da associare<")
			.contains("<strong class=\"fs-4\">1</strong>")
			.contains("in attesa del cliente")
			.contains("href=\"/account/services?status=NOT_ASSOCIATED\"")
			.contains("home-count-todo")
			.doesNotContain("Nessun servizio aspetta");
		assertThat(page).contains(numbers.subList(0, 5)).doesNotContain(numbers.get(5));
		assertThat(page.indexOf(numbers.get(0))).isLessThan(page.indexOf(numbers.get(1)));
		assertThat(page).contains("href=\"/orders\"");
	}

	@Test
	void anotherResellersServicesAndOrdersAreNotCounted() throws Exception {
		long other = shop.reseller("other@test.it", "BASE", "500.00");
		shop.buy(other, "REMOTA", SPID, 2);

		assertThat(home(reseller)).contains("Nessun servizio aspetta").contains("Non hai ancora effettuato ordini.");
	}

	@Test
	void staffLandOnTheirDashboardAndVisitorsOnTheLoginPage() throws Exception {
		mvc.perform(get("/").with(user(shop.staff()))).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
	}

	private String home(ShopUser as) throws Exception {
		return mvc.perform(get("/").with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
