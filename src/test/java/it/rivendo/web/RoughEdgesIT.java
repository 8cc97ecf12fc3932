package it.rivendo.web;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rough edges issue 21 lists, as the pages show them: badges, labels, plurals, empty
 * lists, the files browsers and crawlers ask for, the description and the e-mails'
 * viewport.
 */
@WebIntegrationTest
class RoughEdgesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	TopUps topUps;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "100.00");
		reseller = shop.userOf(resellerId, "reseller@test.it");
	}

	@Test
	void aCreditedTopUpHasABadgeStyleOfItsOwn() throws Exception {
		long id = topUps.request(reseller, Money.of("50.00"), PaymentMethod.BANK).topUp().id();
		topUps.confirmTransfer(id, Money.of("50.00"), LocalDate.of(2026, 1, 10), "CRO-1", shop.staff());

		assertThat(page(get("/account/credit").with(user(reseller))))
			.contains("status-badge status-COMPLETED\">Accreditata<");
		String css = mvc.perform(get("/css/app.css")).andReturn().getResponse().getContentAsString();
		assertThat(css).contains(".status-COMPLETED").contains(".status-PENDING");
	}

	@Test
	void aPaidOrderSaysTotalPaidAndTheCartTotalToPay() throws Exception {
		String number = shop.buy(resellerId, "REMOTA", SPID, 1);

		assertThat(page(get("/orders/" + number + "/completed").with(user(reseller)))).contains("Totale pagato")
			.doesNotContain("Totale da pagare");
		assertThat(page(get("/orders/" + number).with(user(reseller)))).contains("Totale pagato")
			.doesNotContain("Totale da pagare");
		assertThat(page(get("/admin/orders/" + number).with(user(shop.staff())))).contains("Totale pagato");
	}

	@Test
	void oneIsSingular() throws Exception {
		shop.buy(resellerId, "REMOTA", SPID, 1);

		assertThat(page(get("/admin").with(user(shop.staff())))).contains("1 ordine<").doesNotContain("1 ordini");
		assertThat(page(get("/catalog").param("q", "REMOTA").with(user(reseller)))).contains("1 prodotto<");
		assertThat(page(get("/admin/orders").with(user(shop.staff())))).contains("1 risultato<");
		String mail = jdbc.sql("select body_text from mail_outbox where kind = 'PURCHASE'")
			.query(String.class)
			.single();
		assertThat(mail).contains("1 servizio da associare").doesNotContain("1 servizi ");
	}

	@Test
	void noServicesYetIsNotANoMatchForASearch() throws Exception {
		assertThat(page(get("/account/services").with(user(reseller)))).contains("Non hai ancora servizi")
			.doesNotContain("Nessun servizio corrisponde");
		assertThat(page(get("/account/services").param("q", "pec").with(user(reseller))))
			.contains("Nessun servizio corrisponde alla ricerca.")
			.doesNotContain("Non hai ancora servizi");
		assertThat(page(get("/account/services").param("status", "ACTIVE").with(user(reseller))))
			.contains("Nessun servizio corrisponde alla ricerca.");
	}

	@Test
	void theStaffResellerPageSpeaksOfTheResellerAndNamesWhatIsEmpty() throws Exception {
		String page = page(get("/admin/resellers/" + resellerId).with(user(shop.staff())));

		assertThat(page).doesNotContain("I tuoi ordini", "I tuoi servizi", "Nessuna.")
			.contains(">Ordini<", ">Servizi<", "Nessun ordine.", "Nessun servizio.", "Nessuna ricarica.");
	}

	@Test
	void theStaffOrderPageNamesTheResellerWhoBoughtAndGoesBackToTheOrders() throws Exception {
		String number = shop.buy(resellerId, "REMOTA", SPID, 1);

		assertThat(page(get("/admin/orders/" + number).with(user(shop.staff()))))
			.contains("<a href=\"/admin/resellers/" + resellerId + "\">Azienda reseller@test.it</a>")
			.contains("<li class=\"breadcrumb-item\"><a href=\"/admin/orders\">Ordini</a></li>")
			.doesNotContain("<li class=\"breadcrumb-item\"><a href=\"/admin/invoices\">");
	}

	@Test
	void theActivationDeadlineIsSaidOnce() throws Exception {
		shop.buy(resellerId, "REMOTA", SPID, 1);
		long id = jdbc.sql("select id from purchased_service").query(Long.class).single();

		assertThat(page(get("/account/services/" + id).with(user(reseller))).toLowerCase(Locale.ROOT))
			.containsOnlyOnce("attivare entro");
		assertThat(page(get("/account/services").with(user(reseller))).toLowerCase(Locale.ROOT))
			.containsOnlyOnce("attivare entro");
	}

	@Test
	void theServicePageStacksOnAPhoneAndWrapsLongEmails() throws Exception {
		shop.buy(resellerId, "REMOTA", SPID, 1);
		long id = jdbc.sql("select id from purchased_service").query(Long.class).single();

		assertThat(page(get("/account/services/" + id).with(user(reseller))))
			.contains("<dt class=\"col-12 col-sm-5\">Stato</dt>")
			.contains("<dd class=\"col-12 col-sm-7 text-break\" data-testid=\"service-email\">")
			.doesNotContain("class=\"col-5\"", "class=\"col-7\"");
	}

	@Test
	void robotsFaviconAndDescriptionAreThereWithoutLoggingIn() throws Exception {
		assertThat(mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("User-agent: *").contains("Disallow: /admin/");
		assertThat(
				mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse().getContentType())
			.contains("icon");
		assertThat(page(get("/login"))).contains("<meta name=\"description\" content=\"Rivendo, il negozio")
			.contains("rel=\"icon\"");
	}

	@Test
	void theEmailsHaveAViewport() throws Exception {
		shop.buy(resellerId, "REMOTA", SPID, 1);

		assertThat(jdbc.sql("select body_html from mail_outbox").query(String.class).list()).isNotEmpty()
			.allSatisfy(html -> assertThat(html).contains("<meta name=\"viewport\""));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
