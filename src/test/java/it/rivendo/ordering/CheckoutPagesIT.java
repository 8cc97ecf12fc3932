package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.identity.ShopUser;
import it.rivendo.support.PageSliceData;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The checkout page: credit at the top, billing data validated next to each field, pay
 * once, PRG.
 */
@WebIntegrationTest
class CheckoutPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CartService carts;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("buyer@test.it", "BASE", "100.00");
		reseller = shop.userOf(resellerId, "buyer@test.it");
	}

	@Test
	void anEmptyCartCannotReachCheckout() throws Exception {
		mvc.perform(get("/checkout").with(user(reseller))).andExpect(redirectedUrl("/cart"));
	}

	@Test
	void checkoutShowsTheCreditAndPrefillsTheResellersOwnData() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1); // 39.00 + 22% = 47.58
		mvc.perform(get("/checkout").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100,00\u00a0€")))
			.andExpect(content().string(containsString("47,58\u00a0€")))
			.andExpect(content().string(containsString("resteranno 52,42\u00a0€")))
			.andExpect(content().string(containsString("value=\"Azienda buyer@test.it\"")))
			.andExpect(content().string(containsString("altrimenti la fattura verrà intestata a te")))
			.andExpect(content().string(containsString("Confermo che i dati di fatturazione inseriti sono corretti")));
	}

	@Test
	void notEnoughCreditSaysHowMuchIsMissingAndPaysNothing() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 3); // 117.00 + VAT = 142.74
		mvc.perform(get("/checkout").with(user(reseller)))
			.andExpect(content().string(containsString("mancano 42,74\u00a0€")))
			.andExpect(content().string(containsString("Ricarica credito")));
		mvc.perform(validForm("142.74"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Il credito non basta")));
		assertThat(count("purchase_order")).isZero();
	}

	@Test
	void invalidFieldsComeBackWithTheirMessageAndWhatWasTyped() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		mvc.perform(form("47.58",
				java.util.Map.of("customerType", "PERSON", "firstName", "Mario", "lastName", "Rossi", "taxCode",
						"RSSMRA85T10A562T", "postalCode", "2012", "confirmed", "false")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"RSSMRA85T10A562T\"")))
			.andExpect(content().string(containsString("Codice fiscale non valido")))
			.andExpect(content().string(containsString("aria-describedby=\"taxCode-error\"")))
			.andExpect(content().string(containsString("value=\"2012\"")))
			.andExpect(content().string(containsString("CAP non valido")))
			.andExpect(content().string(containsString("Conferma che i dati di fatturazione sono corretti")))
			.andExpect(content().string(containsString("value=\"tok-1\"")));
		assertThat(count("purchase_order")).isZero();
	}

	@Test
	void aPublicAdministrationGivesItsOfficeCodeAndPurchaseOrder() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		java.util.Map<String, String> body = new java.util.HashMap<>(java.util.Map.of("customerType", "PUBLIC",
				"companyName", "Comune di Milano", "vatNumber", "", "taxCode", "01199250158", "sdiCode", "M5UXCR1",
				"cig", "Z1A2B3C4D", "cup", "J51B12000170007", "orderDate", "2026-11-02"));
		mvc.perform(form("47.58", body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Codice univoco ufficio non valido")))
			.andExpect(content().string(containsString("CIG non valido")))
			.andExpect(content().string(containsString("Indica il numero dell&#39;ordine d&#39;acquisto")))
			.andExpect(content().string(containsString("value=\"J51B12000170007\"")))
			.andExpect(content().string(containsString("value=\"2026-11-02\"")));
		assertThat(count("purchase_order")).isZero();

		body.putAll(java.util.Map.of("sdiCode", "ufabcd", "cig", "Z1A2B3C4D5", "orderReference", "OA-2026/17",
				"splitPayment", "true"));
		mvc.perform(form("47.58", body)).andExpect(redirectedUrlPattern("/orders/*/completed"));
		assertThat(jdbc.sql("""
				select customer_type || ' ' || sdi_code || ' ' || split_payment || ' ' || cig || ' ' || cup || ' '
				       || order_reference || ' ' || order_date from purchase_order""").query(String.class).single())
			.isEqualTo("PUBLIC UFABCD true Z1A2B3C4D5 J51B12000170007 OA-2026/17 2026-11-02");
	}

	/**
	 * A private person's order keeps no company data, even when the company's fields come
	 * along (a browser without scripts sends the hidden ones too).
	 */
	@Test
	void aPrivatePersonsOrderStoresNoCompanyNameOrPartitaIva() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		mvc.perform(form("47.58",
				java.util.Map.of("customerType", "PERSON", "firstName", "Mario", "lastName", "Rossi", "taxCode",
						"rssmra85t10a562s", "street", "Via Verdi 3", "postalCode", "20121", "city", "Milano",
						"province", "MI", "sdiCode", "")))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));
		assertThat(jdbc.sql("""
				select customer_type || ' ' || coalesce(company_name, '-') || ' ' || coalesce(vat_number, '-') || ' '
				       || first_name || ' ' || last_name || ' ' || tax_code || ' ' || street || ' ' || city || ' '
				       || sdi_code from purchase_order""").query(String.class).single())
			.isEqualTo("PERSON - - Mario Rossi RSSMRA85T10A562S Via Verdi 3 Milano 0000000");
	}

	@Test
	void aValidFormPaysAndRedirectsToTheCompletedPage() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		String location = mvc.perform(validForm("47.58"))
			.andExpect(redirectedUrlPattern("/orders/*/completed"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(user(reseller)))
			.andExpect(content().string(containsString("Acquisto effettuato con successo")))
			.andExpect(content().string(containsString("52,42\u00a0€")))
			.andExpect(content().string(containsString("buyer@test.it")))
			.andExpect(content().string(containsString("Torna all&#39;area clienti")));
		// the browser posts the same form again (back button, refresh): same order, no
		// second charge
		mvc.perform(validForm("47.58")).andExpect(redirectedUrl(location));
		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isEqualTo(1);
	}

	/**
	 * The total the reseller saw comes back from a hidden field; whatever it holds is
	 * read without an exponent, so {@code 1E+10000000} (12 characters, once 55 s of CPU)
	 * and {@code 1E+999999999} (once a 500) are answered at once with the current total
	 * to confirm again.
	 */
	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aTotalThatIsNotAPlainAmountIsAskedAgainAtOnce() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		for (String total : new String[] { "1E+10000000", "1E+999999999", "1e-999999999", "99999999999", "47,58e0",
				"" }) {
			mvc.perform(validForm(total))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("Il totale è cambiato")))
				.andExpect(content().string(containsString("value=\"47.58\"")));
		}
		assertThat(count("purchase_order")).isZero();
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isZero();
		// the same total written with an Italian comma is the same total
		mvc.perform(validForm("47,58")).andExpect(redirectedUrlPattern("/orders/*/completed"));
	}

	@Test
	void anotherResellersOrderIsNotFound() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		String location = mvc.perform(validForm("47.58")).andReturn().getResponse().getRedirectedUrl();
		String number = location.split("/")[2];
		ShopUser other = shop.userOf(shop.reseller("other@test.it", "BASE", "0"), "other@test.it");
		mvc.perform(get("/orders/" + number).with(user(other)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Azienda buyer@test.it"))));
		mvc.perform(get(location).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get("/orders").with(user(other))).andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/orders").with(user(reseller))).andExpect(content().string(containsString(number)));
	}

	@Test
	void payingNeedsTheCsrfToken() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		mvc.perform(post("/checkout").param("token", "x").param("expectedTotal", "47.58").with(user(reseller)))
			.andExpect(status().isForbidden());
		assertThat(count("purchase_order")).isZero();
	}

	private MockHttpServletRequestBuilder validForm(String expectedTotal) {
		return form(expectedTotal, java.util.Map.of());
	}

	/** The checkout form of a company customer, with some fields typed differently. */
	private MockHttpServletRequestBuilder form(String expectedTotal, java.util.Map<String, String> changes) {
		return PageSliceData.checkoutForm(reseller, expectedTotal, changes);
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
