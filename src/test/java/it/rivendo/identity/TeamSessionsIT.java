package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 17: login throttling and the session rules hold per user of a team, not per
 * account. The users of one office sign in from one address: an Operatore locked out
 * there does not lock out the Titolare; ending one user's sessions (a role changed, a
 * user disabled, a logout) leaves its teammates signed in.
 */
@WebIntegrationTest
class TeamSessionsIT {

	/** The office's one public address, shared by every desk. */
	static final String OFFICE = "198.51.100.20";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser anna;

	ShopUser bruno;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("owner@test.it", "BASE", "0");
		anna = shop.member(resellerId, "anna@test.it", TeamRole.OPERATOR, null, true);
		bruno = shop.member(resellerId, "bruno@test.it", TeamRole.OPERATOR, null, true);
	}

	@Test
	void anOperatoreLockedOutDoesNotLockOutTheTitolareOrAnotherOperatoreOfTheSameOffice() throws Exception {
		for (int i = 0; i <= LoginThrottle.MAX_ACCOUNT_FAILURES; i++) {
			mvc.perform(login("anna@test.it", "wrong-" + i));
		}
		mvc.perform(login("anna@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/login?locked"));

		mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(login("bruno@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/"));
		// and Anna is still locked out: the Titolare's success cleared nothing of hers
		mvc.perform(login("anna@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
		assertThat(jdbc.sql("select count(*) from login_attempt where lower(email) = 'owner@test.it' and not success")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void endingOneUsersSessionsLeavesItsTeammatesSignedIn() throws Exception {
		Cookie owner = TestShop.login(mvc, "owner@test.it");
		Cookie annaSession = TestShop.login(mvc, "anna@test.it");
		Cookie brunoSession = TestShop.login(mvc, "bruno@test.it");

		// a role changed: Anna's session ends, Bruno's and the Titolare's go on
		mvc.perform(post("/account/team/" + anna.userId()).param("role", "ACCOUNTANT")
			.param("monthlyLimit", "")
			.param("_seesAllServices", "on")
			.cookie(owner)
			.with(csrf())).andExpect(redirectedUrl("/account/team"));
		mvc.perform(get("/orders").cookie(annaSession)).andExpect(redirectedUrlPattern("/login*"));
		mvc.perform(get("/cart").cookie(brunoSession)).andExpect(status().isOk());
		mvc.perform(get("/account/team").cookie(owner)).andExpect(status().isOk());

		// a user disabled: Bruno's session ends, Anna's new one goes on
		annaSession = TestShop.login(mvc, "anna@test.it");
		mvc.perform(post("/account/team/" + bruno.userId() + "/disable").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/team"));
		mvc.perform(get("/cart").cookie(brunoSession)).andExpect(redirectedUrlPattern("/login*"));
		mvc.perform(get("/orders").cookie(annaSession)).andExpect(status().isOk());

		// Anna signs out: the Titolare stays signed in
		mvc.perform(post("/logout").cookie(annaSession).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/orders").cookie(annaSession)).andExpect(redirectedUrlPattern("/login*"));
		mvc.perform(get("/account/team").cookie(owner)).andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder login(String email, String password) {
		return post("/login").param("email", email).param("password", password).with(csrf()).with(from(OFFICE));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
