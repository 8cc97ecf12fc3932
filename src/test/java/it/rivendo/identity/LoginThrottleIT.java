package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Password guessing is slowed per account and address, with a growing delay, so an
 * attacker cannot lock the real owner out; an address failing on many accounts is still
 * stopped for all of them.
 */
@WebIntegrationTest
class LoginThrottleIT {

	private static final String OWNER = "owner@test.it";

	private static final String ATTACKER = "203.0.113.66";

	private static final String OWNER_ADDRESS = "198.51.100.7";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		shop.reseller(OWNER, "BASE", "0");
	}

	@Test
	void anAttackerFailingManyTimesCannotLockTheOwnerOutFromElsewhere() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(login(OWNER, "wrong-" + i, ATTACKER));
		}
		// the owner, from its own address, gets in at once
		mvc.perform(login(OWNER, TestShop.PASSWORD, OWNER_ADDRESS)).andExpect(redirectedUrl("/"));
		// the attacker, even with the right password, is not read
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/login?locked"));
		// only the first failures were checked at all: after five, attempts from there
		// were refused unread
		assertThat(failures(ATTACKER)).isEqualTo(LoginThrottle.MAX_ACCOUNT_FAILURES);
	}

	@Test
	void theDelayGrowsWithEachFurtherFailureAndThePageSaysUntilWhen() throws Exception {
		for (int i = 0; i < LoginThrottle.MAX_ACCOUNT_FAILURES; i++) {
			mvc.perform(login(OWNER, "wrong-" + i, ATTACKER)).andExpect(redirectedUrl("/login?error"));
		}
		MvcResult locked = mvc.perform(login(OWNER, "wrong", ATTACKER))
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn();
		// the page names what happened and until when
		mvc.perform(get("/login").param("locked", "").cookie(cookies(locked)).with(from(ATTACKER)))
			.andExpect(content()
				.string(containsString("Troppi tentativi non riusciti per questo account da questo indirizzo")))
			.andExpect(content().string(matchesPattern("(?s).*riprovare alle \\d\\d:\\d\\d \\(tra 1 minut.*")))
			.andExpect(content().string(containsString("value=\"owner@test.it\"")));

		// a minute later one more try is read; it fails, and now the wait is two minutes
		age(61);
		mvc.perform(login(OWNER, "wrong-again", ATTACKER)).andExpect(redirectedUrl("/login?error"));
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/login?locked"));
		age(61);
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/login?locked"));
		age(60);
		// after the two minutes, the right password works and clears the count for this
		// address
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/"));
		mvc.perform(login(OWNER, "wrong", ATTACKER)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theDelayStopsGrowingAtFifteenMinutes() throws Exception {
		for (int i = 0; i < 12; i++) {
			jdbc.sql(
					"insert into login_attempt (email, ip, success, at) values (?, ?, false, now() - interval '1 second')")
				.params(OWNER, ATTACKER)
				.update();
		}
		age(14 * 60);
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/login?locked"));
		age(61);
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAddressFailingOnManyAccountsIsStoppedForAllOfThemAndRotatingAccountsDoesNotHelp() throws Exception {
		for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
			mvc.perform(login("victim" + i + "@test.it", "guess", ATTACKER));
		}
		MvcResult locked = mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER))
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn();
		mvc.perform(get("/login").param("locked", "").cookie(cookies(locked)).with(from(ATTACKER)))
			.andExpect(content().string(containsString("Troppi tentativi non riusciti da questo indirizzo")));
		mvc.perform(login(OWNER, TestShop.PASSWORD, OWNER_ADDRESS)).andExpect(redirectedUrl("/"));
		age(15 * 60 + 1);
		mvc.perform(login(OWNER, TestShop.PASSWORD, ATTACKER)).andExpect(redirectedUrl("/"));
	}

	@Test
	void failingAndBeingRefusedCreateNoSession() throws Exception {
		for (int i = 0; i < 8; i++) {
			MvcResult result = mvc.perform(login(OWNER, "wrong-" + i, ATTACKER)).andReturn();
			assertThat(result.getResponse().getCookie("SESSION")).isNull();
		}
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isZero();
	}

	@Test
	void theHourlyCleanUpForgetsAttemptsOlderThanADay() {
		jdbc.sql("insert into login_attempt (email, ip, success, at) values (?, ?, false, now() - interval '25 hours')")
			.params(OWNER, ATTACKER)
			.update();
		jdbc.sql("insert into login_attempt (email, ip, success, at) values (?, ?, false, now() - interval '23 hours')")
			.params(OWNER, ATTACKER)
			.update();
		assertThat(throttle.forgetOld()).isEqualTo(1);
		assertThat(failures(ATTACKER)).isEqualTo(1);
	}

	/** Moves every recorded attempt back in time. */
	private void age(int seconds) {
		jdbc.sql("update login_attempt set at = at - make_interval(secs => ?)").param(seconds).update();
	}

	private long failures(String address) {
		return jdbc.sql("select count(*) from login_attempt where ip = ? and not success")
			.param(address)
			.query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder login(String email, String password, String address) {
		return post("/login").param("email", email).param("password", password).with(csrf()).with(from(address));
	}

	private static Cookie[] cookies(MvcResult result) {
		return result.getResponse().getCookies();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
