package it.rivendo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.rivendo.identity.ShopUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Contattaci" is no relay: posts are limited per address, acknowledgements per recipient
 * (in the database, for every instance), and the text someone typed goes only to an
 * address proven to be theirs.
 */
@WebIntegrationTest
class ContactAbuseIT {

	private static final String SPAM = "Compra ora su http://spam.example/ a metà prezzo";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		reseller = shop.userOf(shop.reseller("owner@test.it", "BASE", "0"), "owner@test.it");
	}

	@Test
	void twentyPostsFromOneAddressToTwentyStrangersSendFiveAcknowledgementsWithoutTheText() throws Exception {
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < 20; i++) {
			int status = mvc.perform(contact("Spammer " + SPAM, "stranger" + i + "@example.it", "203.0.113.5"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 302) {
				accepted++;
			}
			else if (status == 429) {
				refused++;
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertThat(refused).isEqualTo(15);
		mvc.perform(contact("Mario", "mario@example.it", "203.0.113.5"))
			.andExpect(content().string(containsString("Troppe richieste da questo indirizzo")))
			.andExpect(content().string(containsString("value=\"mario@example.it\"")));

		List<String> acknowledgements = jdbc.sql("select body_text || body_html || subject from mail_outbox")
			.query(String.class)
			.list();
		assertThat(acknowledgements).hasSize(5)
			.allSatisfy(mail -> assertThat(mail).doesNotContain("spam.example").doesNotContain("Spammer"));
		assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isEqualTo(5);
		// another address is not held up
		mvc.perform(contact("Anna", "anna@example.it", "198.51.100.20")).andExpect(redirectedUrl("/contact"));
	}

	@Test
	void oneStrangerGetsAtMostThreeAcknowledgementsADayWhoeverWrites() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(contact("Mario", "victim@example.it", "198.51.100." + (i + 1)))
				.andExpect(redirectedUrl("/contact"));
		}
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'victim@example.it'")
			.query(Long.class)
			.single()).isEqualTo(3);
		// the requests themselves reach staff
		assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void aSignedInResellerGetsItsOwnTextBackAtItsProvenAddress() throws Exception {
		mvc.perform(post("/contact").with(user(reseller))
			.with(csrf())
			.param("topic", "OTHER")
			.param("message", "Il mio messaggio")).andExpect(redirectedUrl("/contact"));
		assertThat(jdbc.sql("select body_text from mail_outbox where recipient = 'owner@test.it'")
			.query(String.class)
			.single()).contains("Il mio messaggio");
	}

	private static MockHttpServletRequestBuilder contact(String name, String email, String address) {
		return post("/contact").with(csrf())
			.param("topic", "OTHER")
			.param("name", name)
			.param("email", email)
			.param("message", SPAM)
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

}
