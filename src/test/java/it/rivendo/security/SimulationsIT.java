package it.rivendo.security;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.PurchasedServices;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside the {@code demo} profile nothing is simulated: without a real payment provider
 * there is no card top-up (bank transfer only) and the simulated card pages do not exist;
 * without a real identification provider the simulated identification pages do not exist,
 * and an activation waits for staff; the login page lists no demo logins. (The
 * {@code test} profile runs without providers, like a real deployment that has none.)
 */
@WebIntegrationTest
class SimulationsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

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
	void withoutAPaymentProviderThereIsNoCardTopUpAndItsPagesAreNotFound() throws Exception {
		mvc.perform(get("/account/credit/top-up").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"BANK\"")))
			.andExpect(content().string(not(containsString("value=\"CARD\""))))
			.andExpect(content().string(containsString("Il pagamento con carta non è disponibile")));

		mvc.perform(post("/account/credit/top-up").param("amount", "50000")
			.param("method", "CARD")
			.param("billingConfirmed", "true")
			.with(user(reseller))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Il pagamento con carta non è disponibile")));
		assertThat(count("top_up")).isZero();

		mvc.perform(get("/account/payments/demo/" + "A".repeat(32)).with(user(reseller)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/account/payments/demo/" + "A".repeat(32)).param("outcome", "paid")
			.with(user(reseller))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select balance from credit_account where reseller_id = ?")
			.param(resellerId)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("100.00");
	}

	@Test
	void withoutAnIdentificationProviderNobodyCanSimulateAnIdentification() throws Exception {
		shop.buy(resellerId, "REMOTA", SPID, 1);
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, "mario@test.it", null, "reseller@test.it");

		String next = mvc
			.perform(post("/activate/" + OutboxLinks.token(jdbc, "ACTIVATION_LINK", "mario@test.it", "/activate/"))
				.param("firstName", "Mario")
				.param("lastName", "Rossi")
				.param("taxCode", "RSSMRA85T10A562S")
				.param("mobile", "+39 333 1234567")
				.param("privacy", "true")
				.param("terms", "true")
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/identification/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String reference = next.substring("/identification/".length());

		mvc.perform(get("/identification/demo/" + reference)).andExpect(status().isNotFound());
		mvc.perform(post("/identification/demo/" + reference).param("outcome", "success").with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(next))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("In verifica")))
			.andExpect(content().string(not(containsString("DEMO"))));
		assertThat(jdbc.sql("select status from purchased_service").query(String.class).single())
			.isEqualTo("IN_VERIFICATION");
	}

	@Test
	void theLoginPageListsNoDemoLogins() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("demo1234"))))
			.andExpect(content().string(not(containsString("@demo.rivendo.it"))));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
