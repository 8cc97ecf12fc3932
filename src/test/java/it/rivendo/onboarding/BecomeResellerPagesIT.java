package it.rivendo.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Come diventare Rivenditore Web" answers the same whatever the address, so it tells
 * nobody which addresses have an account; the owner of an existing account is told by
 * e-mail instead. Applications are limited per address.
 */
@WebIntegrationTest
class BecomeResellerPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		shop.reseller("existing@test.it", "BASE", "0");
	}

	@Test
	void anExistingAccountGetsTheSameAnswerAsANewAddressAndItsOwnerAnEmail() throws Exception {
		MvcResult fresh = mvc.perform(apply("nuova@test.it", "198.51.100.1")).andReturn();
		MvcResult existing = mvc.perform(apply("Existing@Test.it", "198.51.100.2")).andReturn();

		for (MvcResult result : new MvcResult[] { fresh, existing }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/become-reseller/thanks");
			assertThat(result.getFlashMap().get("success")).isEqualTo("apply.done");
			assertThat(result.getResponse().getContentAsString()).isEmpty();
		}
		assertThat(jdbc.sql("select email from reseller_application").query(String.class).list())
			.containsExactly("nuova@test.it");
		String notice = jdbc.sql("select body_text from mail_outbox where recipient = 'existing@test.it'")
			.query(String.class)
			.single();
		assertThat(notice).contains("hai già un account").doesNotContain("Firma Pirata");
	}

	@Test
	void applyingAgainWhileTheFirstWaitsAnswersTheSameToo() throws Exception {
		mvc.perform(apply("nuova@test.it", "198.51.100.1")).andExpect(redirectedUrl("/become-reseller/thanks"));
		mvc.perform(apply("nuova@test.it", "198.51.100.2"))
			.andExpect(redirectedUrl("/become-reseller/thanks"))
			.andExpect(flash().attribute("success", "apply.done"));
		assertThat(jdbc.sql("select count(*) from reseller_application").query(Long.class).single()).isEqualTo(1);
		// the acknowledgement of the application does not carry the text typed in the
		// form either
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'APPLICATION_RECEIVED'")
			.query(String.class)
			.list()).allSatisfy(mail -> assertThat(mail).doesNotContain("Firma Pirata").doesNotContain("Nora"));
	}

	@Test
	void oneAddressCanApplyFiveTimesAnHour() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(apply("nuova" + i + "@test.it", "203.0.113.9"))
				.andExpect(redirectedUrl("/become-reseller/thanks"));
		}
		mvc.perform(apply("nuova5@test.it", "203.0.113.9"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Troppe richieste da questo indirizzo")));
		mvc.perform(apply("existing@test.it", "203.0.113.9")).andExpect(status().isTooManyRequests());
		assertThat(jdbc.sql("select count(*) from reseller_application").query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'existing@test.it'")
			.query(Long.class)
			.single()).isZero();
		mvc.perform(apply("nuova5@test.it", "198.51.100.3")).andExpect(redirectedUrl("/become-reseller/thanks"));
	}

	private static MockHttpServletRequestBuilder apply(String email, String address) {
		return post("/become-reseller").with(csrf())
			.param("companyName", "Firma Pirata S.r.l.")
			.param("vatNumber", "01114601006")
			.param("street", "Via Po 1")
			.param("postalCode", "10123")
			.param("city", "Torino")
			.param("province", "TO")
			.param("country", "IT")
			.param("sdiCode", "M5UXCR1")
			.param("contactName", "Nora Nuova")
			.param("email", email)
			.param("phone", "+39 011 1234567")
			.param("termsAccepted", "true")
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

}
