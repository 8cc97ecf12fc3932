package it.rivendo.identity;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A disabled account stops working at once: its open sessions end when staff disable it,
 * and a session that somehow survived is refused at its next request.
 */
@WebIntegrationTest
class DisabledAccountIT {

	private static final String EMAIL = "disabled@test.it";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CartService carts;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller(EMAIL, "BASE", "100.00");
	}

	@Test
	void disablingAResellerEndsItsOpenSessionsSoItCanNeitherBrowseNorPay() throws Exception {
		Cookie laptop = login();
		Cookie phone = login();
		mvc.perform(get("/catalog").cookie(laptop)).andExpect(status().isOk());
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1); // 47.58 with VAT
		mvc.perform(get("/checkout").cookie(phone)).andExpect(status().isOk());

		mvc.perform(post("/admin/resellers/" + resellerId + "/enabled").with(user(shop.staff()))
			.with(csrf())
			.param("enabled", "false")
			.param("reason", "Contratto sospeso")).andExpect(redirectedUrl("/admin/resellers/" + resellerId));

		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(EMAIL)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/catalog").cookie(laptop))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(pay().cookie(phone)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select balance from credit_account where reseller_id = ?")
			.param(resellerId)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("100.00");
		// and the password no longer opens a session
		mvc.perform(post("/login").param("email", EMAIL).param("password", TestShop.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSessionThatOutlivedTheDisablingIsRefusedAtItsNextRequest() throws Exception {
		Cookie session = login();
		mvc.perform(get("/catalog").cookie(session)).andExpect(status().isOk());
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1);
		// disabled behind the shop's back: the session row is still there
		jdbc.sql("update reseller set enabled = false where id = ?").param(resellerId).update();

		mvc.perform(pay().cookie(session)).andExpect(redirectedUrl("/login?disabled"));
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(EMAIL)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/login").param("disabled", ""))
			.andExpect(content().string(containsString("Questo account è disattivato")));
	}

	@Test
	void aUserDisabledBehindTheShopsBackIsShutOutAtItsNextPageThoughItWasFoundInOrderBefore() throws Exception {
		Cookie session = login();
		// the instance remembers the user in order under the accounts' version (issue 22)
		mvc.perform(get("/catalog").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/catalog").cookie(session)).andExpect(status().isOk());
		// another instance or a tool disables the user: the version moves (V162)
		jdbc.sql("update user_account set enabled = false where lower(email) = ?").param(EMAIL).update();

		mvc.perform(get("/catalog").cookie(session)).andExpect(redirectedUrl("/login?disabled"));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(EMAIL)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSignInOrAnotherUsersChangeLeavesTheAccountsVersionAloneAndAnyChangeTheCheckReadsMovesIt() {
		long before = accountVersion();
		jdbc.sql("update user_account set display_name = 'Altro nome' where lower(email) = ?").param(EMAIL).update();
		assertThat(accountVersion()).isEqualTo(before);
		jdbc.sql("update user_account set team_role = 'OPERATOR' where lower(email) = ?").param(EMAIL).update();
		long afterRole = accountVersion();
		assertThat(afterRole).isGreaterThan(before);
		jdbc.sql("update reseller set enabled = false where id = ?").param(resellerId).update();
		assertThat(accountVersion()).isGreaterThan(afterRole);
	}

	private long accountVersion() {
		return jdbc.sql("select version from account_version").query(Long.class).single();
	}

	private Cookie login() throws Exception {
		return TestShop.login(mvc, EMAIL);
	}

	private static MockHttpServletRequestBuilder pay() {
		return TestShop.checkoutForm("disabled-1", "47.58");
	}

}
