package it.rivendo.ops;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Request ids, health and metrics: what operations rely on. */
@WebIntegrationTest
class OperationsIT {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CartService carts;

	@Test
	void everyResponseCarriesARequestIdAndAGivenOneIsEchoed() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
		// also on responses Spring Security answers by itself
		mvc.perform(get("/catalog"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
		mvc.perform(get("/login").header("X-Request-Id", "proxy-7f3a.42"))
			.andExpect(header().string("X-Request-Id", "proxy-7f3a.42"));
	}

	@Test
	void aRequestIdThatCouldForgeLogLinesIsReplaced() throws Exception {
		mvc.perform(get("/login").header("X-Request-Id", "abc\r\nFAKE log line"))
			.andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
		mvc.perform(get("/login").header("X-Request-Id", "x".repeat(65)))
			.andExpect(header().string("X-Request-Id", matchesPattern(UUID)));
	}

	@Test
	void healthIsPublicAndShowsTheDatabaseAndTheMail() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.mail.status").exists())
			.andExpect(jsonPath("$.components.scheduledJobs.status").value("UP"))
			// details only for staff
			.andExpect(jsonPath("$.components.db.details").doesNotExist())
			.andExpect(jsonPath("$.components.scheduledJobs.details").doesNotExist());
		mvc.perform(get("/actuator/health").with(user(shop.staff())))
			.andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"))
			.andExpect(jsonPath("$.components.scheduledJobs.details['ServiceLifecycle.run'].status").value("OK"))
			.andExpect(jsonPath("$.components.scheduledJobs.details['OutboxSender.scheduled'].failures").value(0));
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void metricsCountOrdersAndCreditAndShowTheOutbox() throws Exception {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long resellerId = shop.reseller("buyer@test.it", "BASE", "100.00");
		ShopUser reseller = shop.userOf(resellerId, "buyer@test.it");
		String before = scrape();

		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1); // 39.00 + 22% = 47.58
		mvc.perform(checkout(reseller, "47.58")).andExpect(redirectedUrlPattern("/orders/*/completed"));

		String after = scrape();
		assertThat(value(after, "rivendo_orders_placed_total") - value(before, "rivendo_orders_placed_total"))
			.isEqualTo(1.0);
		assertThat(value(after, "rivendo_credit_debited_euros_total")
				- value(before, "rivendo_credit_debited_euros_total"))
			.isEqualTo(47.58, org.assertj.core.data.Offset.offset(0.001));
		// the confirmation e-mail waits in the outbox (the sender is off in tests)
		assertThat(value(after, "rivendo_outbox_messages{application=\"rivendo\",status=\"pending\"}")).isEqualTo(1.0);
		assertThat(value(after, "rivendo_outbox_messages{application=\"rivendo\",status=\"failed\"}")).isZero();
		// every scheduled job has its failure counter from the start
		assertThat(after)
			.contains("rivendo_scheduled_job_failures_total{application=\"rivendo\",job=\"ServiceLifecycle.run\"} 0.0")
			.contains(
					"rivendo_scheduled_job_last_success_seconds{application=\"rivendo\",job=\"TierRules.recomputeAll\"}");
	}

	@Test
	void metricsAreForLocalScrapersAndStaffOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9"))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9")).with(user(shop.userOf(1, "r@test.it"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9")).with(user(shop.staff())))
			.andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(from("127.0.0.1"))).andExpect(status().isOk());
	}

	private String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The value of one series in Prometheus text format; 0 when absent. */
	private static double value(String scrape, String series) {
		String name = series.contains("{") ? series : series + "{application=\"rivendo\"}";
		Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static MockHttpServletRequestBuilder checkout(ShopUser reseller, String expectedTotal) {
		return TestShop.checkoutForm("ops-1", expectedTotal).with(user(reseller));
	}

}
