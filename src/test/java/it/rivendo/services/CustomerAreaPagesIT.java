package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The customer area and activation pages: who may see and do what. */
@WebIntegrationTest
class CustomerAreaPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser owner;

	ShopUser intruder;

	long serviceId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long ownerId = shop.reseller("owner@test.it", "BASE", "100.00");
		owner = shop.userOf(ownerId, "owner@test.it");
		intruder = shop.userOf(shop.reseller("intruder@test.it", "BASE", "0"), "intruder@test.it");
		shop.buy(ownerId, "REMOTA", SPID, 1);
		serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
	}

	@Test
	void theCustomerAreaListsTheServiceWithOrderStatusAndNewBalance() throws Exception {
		mvc.perform(get("/account").with(user(owner))).andExpect(redirectedUrl("/account/services"));
		mvc.perform(get("/account/services").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prodotto REMOTA")))
			.andExpect(content().string(containsString("Da associare")))
			.andExpect(content().string(containsString("-000001")))
			.andExpect(content().string(containsString("52,42\u00a0€"))); // 100.00 -
																			// 47.58
		mvc.perform(get("/account/services").param("status", "ACTIVE").with(user(owner)))
			.andExpect(content().string(containsString("Nessun servizio corrisponde")));
		mvc.perform(get("/account/credit").with(user(owner)))
			.andExpect(content().string(containsString("Ordine ")))
			.andExpect(content().string(containsString("-47,58\u00a0€")));
	}

	@Test
	void anotherResellersServiceIsNotFoundAndUntouched() throws Exception {
		mvc.perform(get("/account/services/" + serviceId).with(user(intruder))).andExpect(status().isNotFound());
		mvc.perform(get("/account/services/" + serviceId + "/associate").with(user(intruder)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/account/services/" + serviceId + "/associate").param("email", "x@test.it")
			.param("confirmed", "true")
			.with(user(intruder))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/account/services/" + serviceId + "/resend").with(user(intruder)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/account/services").with(user(intruder)))
			.andExpect(content().string(not(containsString("data-product=\"REMOTA\""))));
		assertThat(jdbc.sql("select status from purchased_service").query(String.class).single())
			.isEqualTo("NOT_ASSOCIATED");
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where kind = 'ACTIVATION_LINK'").query(Long.class).single())
			.isZero();
	}

	@Test
	void associaKeepsWhatWasTypedWhenItIsWrong() throws Exception {
		mvc.perform(post("/account/services/" + serviceId + "/associate").param("email", "not-an-email")
			.param("name", "Mario")
			.with(user(owner))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"not-an-email\"")))
			.andExpect(content().string(containsString("Indirizzo e-mail non valido")))
			.andExpect(content().string(containsString("Conferma l&#39;indirizzo e-mail")));
		mvc.perform(post("/account/services/" + serviceId + "/associate").param("email", "mario@test.it")
			.param("confirmed", "true")
			.with(user(owner))
			.with(csrf())).andExpect(redirectedUrl("/account/services/" + serviceId));
		assertThat(jdbc.sql("select customer_email from purchased_service").query(String.class).single())
			.isEqualTo("mario@test.it");
	}

	@Test
	void badActivationLinksGetAClearPageAndLeakNothing() throws Exception {
		mvc.perform(get("/activate/" + "A".repeat(43)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Questo link di attivazione non è valido")))
			.andExpect(content().string(not(containsString("Prodotto REMOTA"))));
		mvc.perform(get("/activate/%3Cscript%3E")).andExpect(status().is4xxClientError());
		mvc.perform(post("/activate/" + "A".repeat(43)).with(csrf()).param("firstName", "X"))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffPagesAreForStaffOnly() throws Exception {
		mvc.perform(get("/admin/outbox")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin/outbox").with(user(owner))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/services").with(user(owner))).andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/services/" + serviceId + "/revoke").param("reason", "x").with(user(owner)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/outbox").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("owner@test.it")));
		assertThat(jdbc.sql("select status from purchased_service").query(String.class).single())
			.isEqualTo("NOT_ASSOCIATED");
	}

}
