package it.rivendo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.SecretTokens;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "API" page of the customer area: a key is shown once and stored only as its hash,
 * listed by its prefix, revoked; a wrong form keeps what was typed; another reseller's
 * key cannot be revoked; staff and visitors do not get in.
 */
@WebIntegrationTest
class ApiKeysPagesIT {

	private static final Pattern KEY = Pattern.compile("value=\"(rvk_live_[A-Za-z0-9_-]{43})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys keys;

	ShopUser titolare;

	ShopUser other;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		titolare = shop.userOf(shop.reseller("titolare@test.it", "BASE", "0"), "titolare@test.it");
		other = shop.userOf(shop.reseller("altro@test.it", "BASE", "0"), "altro@test.it");
	}

	@Test
	void aNewKeyIsShownOnceStoredHashedListedByPrefixAndRevoked() throws Exception {
		String page = mvc
			.perform(post("/account/api/keys").with(user(titolare))
				.with(csrf())
				.param("name", "Gestionale studio")
				.param("scope", "READ_WRITE"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = KEY.matcher(page);
		assertThat(shown.find()).as("the key on the page").isTrue();
		String secret = shown.group(1);
		assertThat(page).contains("Chiave «Gestionale studio» creata").contains("non la mostreremo più");

		assertThat(jdbc.sql("select secret_hash from api_key").query(String.class).single())
			.isEqualTo(SecretTokens.sha256Hex(secret));
		assertThat(jdbc.sql("select count(*) from api_key where secret_hash like ? or prefix = ?")
			.params("%" + secret.substring(20) + "%", secret)
			.query(Long.class)
			.single()).isZero();
		assertThat(keys.authenticate(secret)).hasValueSatisfying(caller -> {
			assertThat(caller.resellerId()).isEqualTo(titolare.resellerId());
			assertThat(caller.scope()).isEqualTo(ApiScope.READ_WRITE);
		});

		String list = mvc.perform(get("/account/api").with(user(titolare)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(secret)
			.contains(secret.substring(0, 17) + "…")
			.contains("Gestionale studio")
			.contains("Lettura e scrittura")
			.doesNotContain("Mai usata");

		long id = keys.list(titolare.resellerId()).get(0).id();
		mvc.perform(post("/account/api/keys/" + id + "/revoke").with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(keys.authenticate(secret)).isPresent();
		mvc.perform(post("/account/api/keys/" + id + "/revoke").with(user(titolare)).with(csrf()))
			.andExpect(redirectedUrl("/account/api"));
		assertThat(keys.authenticate(secret)).isEmpty();
		assertThat(mvc.perform(get("/account/api").with(user(titolare))).andReturn().getResponse().getContentAsString())
			.contains("Revocata il");
		mvc.perform(post("/account/api/keys/" + id + "/revoke").with(user(titolare)).with(csrf()))
			.andExpect(redirectedUrl("/account/api"));
	}

	@Test
	void aWrongFormComesBackWithItsMessagesAndWhatWasTyped() throws Exception {
		String page = mvc
			.perform(post("/account/api/keys").with(user(titolare))
				.with(csrf())
				.param("name", "x".repeat(101))
				.param("scope", "EVERYTHING"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("x".repeat(101)).contains("error-summary").contains("name-error");
		assertThat(jdbc.sql("select count(*) from api_key").query(Long.class).single()).isZero();
	}

	@Test
	void onlyResellersOpenThePage() throws Exception {
		mvc.perform(get("/account/api")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/account/api").with(user(shop.staff()))).andExpect(status().isForbidden());
		mvc.perform(post("/account/api/keys").with(user(titolare)).param("name", "x").param("scope", "READ"))
			.andExpect(status().isForbidden());
	}

}
