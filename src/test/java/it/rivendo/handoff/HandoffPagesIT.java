package it.rivendo.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Opening a handoff link shows whom the device will be signed in as and changes nothing;
 * only the tap (a POST with the CSRF token) uses the token up. A browser signed in as
 * someone else is told so first, and stays as it was until the tap.
 */
@WebIntegrationTest
class HandoffPagesIT {

	private static final String SENDER = "sender@test.it";

	private static final String VICTIM = "victim@test.it";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	Cookie sendersComputer;

	@BeforeEach
	void setUp() throws Exception {
		shop.tier("BASE", "0");
		shop.reseller(SENDER, "BASE", "0");
		shop.reseller(VICTIM, "BASE", "0");
		sendersComputer = login(SENDER);
	}

	@Test
	void openingTheLinkShowsWhoAndChangesNothingTheTapSignsIn() throws Exception {
		HandoffTicket ticket = ticket("/cart");
		String path = java.net.URI.create(ticket.url()).getPath();

		// (that it starts no session is checked over real HTTP, in CookielessCrawlIT:
		// MockMvc's csrf() keeps
		// its tokens in the session)
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Referente " + SENDER)))
			.andExpect(content().string(containsString(SENDER)))
			.andExpect(content().string(containsString("Azienda " + SENDER)))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("data-autosubmit-form"))));
		assertThat(unusedTokens()).isEqualTo(1);
		mvc.perform(get(path)).andExpect(status().isOk());
		assertThat(unusedTokens()).isEqualTo(1);

		MvcResult tapped = mvc.perform(post(path).with(csrf())).andExpect(redirectedUrl("/cart")).andReturn();
		assertThat(unusedTokens()).isZero();
		Cookie phone = tapped.getResponse().getCookie("SESSION");
		mvc.perform(get("/cart").cookie(phone)).andExpect(status().isOk());
		assertThat(principalOf(phone)).isEqualTo(SENDER);

		// spent: opening it again shows the problem page and nobody's name
		mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(SENDER))));
	}

	@Test
	void aBrowserSignedInAsSomeoneElseIsAskedFirstAndStaysAsItWasUntilTheTap() throws Exception {
		Cookie victim = login(VICTIM);
		String path = java.net.URI.create(ticket("/cart").url()).getPath();

		mvc.perform(get(path).cookie(victim))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Su questo dispositivo sei collegato come")))
			.andExpect(content().string(containsString(VICTIM)))
			.andExpect(content().string(containsString("Referente " + SENDER)));
		// nothing changed: the victim is still itself, and the token is still there
		mvc.perform(get("/cart").cookie(victim)).andExpect(status().isOk());
		assertThat(principalOf(victim)).isEqualTo(VICTIM);
		assertThat(unusedTokens()).isEqualTo(1);

		MvcResult tapped = mvc.perform(post(path).cookie(victim).with(csrf()))
			.andExpect(redirectedUrl("/cart"))
			.andReturn();
		assertThat(principalOf(tapped.getResponse().getCookie("SESSION"))).isEqualTo(SENDER);
		mvc.perform(get("/cart").cookie(victim)).andExpect(status().is3xxRedirection());
	}

	@Test
	void theTypedCodeShowsWhoToo() throws Exception {
		HandoffTicket ticket = ticket("/account/services");

		mvc.perform(post("/h").with(csrf()).param("code", ticket.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Referente " + SENDER)))
			.andExpect(content().string(containsString("name=\"confirm\"")));
		assertThat(unusedTokens()).isEqualTo(1);

		MvcResult tapped = mvc.perform(post("/h").with(csrf()).param("code", ticket.code()).param("confirm", "true"))
			.andExpect(redirectedUrl("/account/services"))
			.andReturn();
		assertThat(principalOf(tapped.getResponse().getCookie("SESSION"))).isEqualTo(SENDER);
		assertThat(unusedTokens()).isZero();
	}

	private HandoffTicket ticket(String path) throws Exception {
		MvcResult created = mvc
			.perform(post("/account/handoff").cookie(sendersComputer).with(csrf()).param("path", path))
			.andExpect(redirectedUrl("/account/handoff"))
			.andReturn();
		return (HandoffTicket) created.getFlashMap().get("ticket");
	}

	private Cookie login(String email) throws Exception {
		return TestShop.login(mvc, email);
	}

	private String principalOf(Cookie session) {
		assertThat(session).isNotNull();
		String id = new String(java.util.Base64.getDecoder().decode(session.getValue()));
		return jdbc.sql("select principal_name from spring_session where session_id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long unusedTokens() {
		return jdbc.sql("select count(*) from handoff_token where used_at is null").query(Long.class).single();
	}

}
