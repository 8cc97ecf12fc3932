package it.rivendo.webhooks;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The "Webhook" pages: what a reseller types comes back with the message next to the
 * field, the secret is shown once, a test event lands in the log, another reseller's
 * endpoint is not found.
 */
@WebIntegrationTest
class WebhookPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	WebhookReceiver receiver;

	ShopUser owner;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new WebhookReceiver();
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		owner = shop.userOf(shop.reseller("owner@test.it", "BASE", "100.00"), "owner@test.it");
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	@Test
	void aPrivateAddressIsRefusedNextToTheFieldWithWhatWasTypedKept() throws Exception {
		mvc.perform(post("/account/api/webhooks").with(user(owner))
			.with(csrf())
			.param("url", "https://169.254.169.254/latest/meta-data")
			.param("events", "ORDER_PAID", "TOPUP_CREDITED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"url-error\"")))
			.andExpect(content().string(containsString("rete privata o locale")))
			.andExpect(content().string(containsString("value=\"https://169.254.169.254/latest/meta-data\"")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"TOPUP_CREDITED\"[^>]*checked.*")))
			.andExpect(content().string(containsString("error-summary")));

		mvc.perform(post("/account/api/webhooks").with(user(owner)).with(csrf()).param("url", receiver.url()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"events-error\"")));

		mvc.perform(post("/account/api/webhooks").with(user(owner))
			.with(csrf())
			.param("url", "ftp://example.com")
			.param("events", "NOT_AN_EVENT")).andExpect(status().isUnprocessableContent());

		assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).isZero();
	}

	@Test
	void theSecretIsShownOnceAndATestEventLandsInTheLog() throws Exception {
		MvcResult registered = mvc
			.perform(post("/account/api/webhooks").with(user(owner))
				.with(csrf())
				.param("url", receiver.url())
				.param("events", "ORDER_PAID"))
			.andExpect(redirectedUrlPattern("/account/api/webhooks/*"))
			.andExpect(flash().attribute("success", "webhooks.registered"))
			.andReturn();
		String secret = (String) registered.getFlashMap().get("secret");
		assertThat(secret).startsWith("whsec_");
		String page = registered.getResponse().getRedirectedUrl();
		// the flash travels in the (JDBC) session, which the SESSION cookie names
		Cookie session = registered.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();

		mvc.perform(get(page).cookie(session).with(user(owner))).andExpect(content().string(containsString(secret)));
		mvc.perform(get(page).with(user(owner))).andExpect(content().string(not(containsString(secret))));
		mvc.perform(get("/account/api/webhooks").with(user(owner)))
			.andExpect(content().string(containsString(receiver.url())))
			.andExpect(content().string(not(containsString(secret))));
		assertThat(jdbc.sql("select secret from webhook_endpoint").query(String.class).single()).isEqualTo(secret);

		receiver.secret(secret);
		Cookie tested = mvc.perform(post(page + "/test").cookie(session).with(user(owner)).with(csrf()))
			.andExpect(redirectedUrlPattern("/account/api/webhooks/*"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(receiver.received()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
		mvc.perform(get(page).cookie(tested == null ? session : tested).with(user(owner)))
			.andExpect(content().string(containsString("Consegnato: il tuo indirizzo ha risposto 204.")))
			.andExpect(content().string(containsString("Evento di prova")))
			.andExpect(content().string(containsString(receiver.received().get(0).id())));
	}

	@Test
	void anotherResellersEndpointIsNotFoundAndStrangersAreSentToLogIn() throws Exception {
		mvc.perform(post("/account/api/webhooks").with(user(owner))
			.with(csrf())
			.param("url", receiver.url())
			.param("events", "ORDER_PAID"));
		long id = jdbc.sql("select id from webhook_endpoint").query(Long.class).single();
		ShopUser other = shop.userOf(shop.reseller("other@test.it", "BASE", "0"), "other@test.it");

		mvc.perform(get("/account/api/webhooks/" + id).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(post("/account/api/webhooks/" + id + "/test").with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/account/api/webhooks/" + id + "/delete").with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(
				post("/account/api/webhooks/" + id + "/enabled").param("on", "false").with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/account/api/webhooks")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select enabled from webhook_endpoint").query(Boolean.class).single()).isTrue();

		mvc.perform(
				post("/account/api/webhooks/" + id + "/enabled").param("on", "false").with(user(owner)).with(csrf()))
			.andExpect(flash().attribute("success", "webhooks.turnedOff"));
		mvc.perform(post("/account/api/webhooks/" + id + "/test").with(user(owner)).with(csrf()))
			.andExpect(flash().attribute("error", "webhooks.error.turnedOff"));
		mvc.perform(post("/account/api/webhooks/" + id + "/delete").with(user(owner)).with(csrf()))
			.andExpect(flash().attribute("success", "webhooks.deleted"));
		assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).isZero();
	}

}
