package it.rivendo.security;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.CatalogManagement;
import it.rivendo.catalog.CatalogManagement.NewProduct;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.support.Routes;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Login throttling, sessions, headers, CSRF on every form, output encoding, and GETs that
 * change nothing.
 */
@WebIntegrationTest
class SecurityIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	it.rivendo.cart.CartService carts;

	@Autowired
	it.rivendo.ordering.CheckoutService checkout;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("owner@test.it", "BASE", "100.00");
		reseller = shop.userOf(resellerId, "owner@test.it");
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhileThenTheOwnerGetsIn() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(login("owner@test.it", "wrong-password-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		// even the right password is not read now
		mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(get("/login").param("locked", "")).andExpect(content().string(containsString("Troppi tentativi")));
		// fifteen minutes later
		jdbc.sql("update login_attempt set at = at - interval '16 minutes'").update();
		mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAddressGuessingManyAccountsIsStopped() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(login("victim" + i + "@test.it", "guess").with(request -> {
				request.setRemoteAddr("10.9.9.9");
				return request;
			}));
		}
		mvc.perform(login("owner@test.it", TestShop.PASSWORD).with(request -> {
			request.setRemoteAddr("10.9.9.9");
			return request;
		})).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void loggingOutEndsEverySessionOfTheUser() throws Exception {
		Cookie laptop = sessionOf(mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andReturn());
		Cookie phone = sessionOf(mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andReturn());
		assertThat(laptop.getValue()).isNotEqualTo(phone.getValue());
		mvc.perform(get("/catalog").cookie(phone)).andExpect(status().isOk());

		mvc.perform(post("/logout").cookie(laptop).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		mvc.perform(get("/catalog").cookie(phone)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'owner@test.it'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSessionEndsAfterTwelveHoursHoweverBusy() throws Exception {
		Cookie session = sessionOf(mvc.perform(login("owner@test.it", TestShop.PASSWORD)).andReturn());
		mvc.perform(get("/catalog").cookie(session)).andExpect(status().isOk());
		jdbc.sql("update spring_session set creation_time = creation_time - ?")
			.param(java.time.Duration.ofHours(12).plusMinutes(1).toMillis())
			.update();
		mvc.perform(get("/catalog").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/catalog").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void markupInNamesStaysTextInTheEmails() {
		String evil = "<script>alert('x')</script> \"Firma\"";
		shop.catalog()
			.addProduct(new NewProduct("EVIL", "FIRMA", new LocalizedText(evil, evil), new LocalizedText(evil, evil),
					new LocalizedText(evil, evil), new BigDecimal("22.00"), 9, Map.of(SPID, Money.of("10.00"))));
		carts.add(shop.owner(resellerId), "EVIL", SPID, 1);
		checkout.pay(new it.rivendo.ordering.PaymentRequest(resellerId, "t",
				new it.rivendo.ordering.BillingDetails(it.rivendo.ordering.CustomerType.COMPANY, "<b>Cliente</b>", null,
						null, "01114601006", null, "Via 1", "00186", "Roma", "RM", "IT", "M5UXCR1", null),
				carts.view(shop.owner(resellerId)).totals().total(), false, "t", shop.owner(resellerId).userId()));
		String html = jdbc.sql("select body_html from mail_outbox where kind = 'PURCHASE'")
			.query(String.class)
			.single();
		assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
	}

	@Test
	void everyPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		Map<String, Long> before = rowCounts();
		List<String> posts = routes(RequestMethod.POST);
		assertThat(posts).hasSizeGreaterThan(20);
		for (String path : posts) {
			int status = mvc.perform(post(path).with(user(reseller)).param("quantity", "1"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("POST " + path + " without CSRF token").isEqualTo(403);
		}
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void noGetChangesTheDatabaseWhoeverAsks() throws Exception {
		Map<String, Long> before = rowCounts();
		List<String> gets = routes(RequestMethod.GET);
		for (Object who : new Object[] { null, reseller, shop.staff() }) {
			for (String path : gets) {
				var request = get(path);
				if (who != null) {
					request.with(user((ShopUser) who));
				}
				int status = mvc.perform(request).andReturn().getResponse().getStatus();
				assertThat(status).as("GET " + path + " as " + who).isLessThan(500);
			}
		}
		assertThat(rowCounts()).as("rows per table after %d GETs".formatted(gets.size() * 3)).isEqualTo(before);
		System.out.printf("[reliability] GET crawl: %d routes x 3 roles, 0 responses >= 500, 0 tables changed%n",
				gets.size());
	}

	@Test
	void namesWithMarkupQuotesAndUnicodeAreShownAsText() throws Exception {
		String evil = "<script>alert('x')</script> \"Firma\" & ünïcödé ✓";
		shop.catalog()
			.addProduct(new NewProduct("EVIL", "FIRMA", new LocalizedText(evil, evil), new LocalizedText(evil, evil),
					new LocalizedText(evil, evil), new BigDecimal("22.00"), 9, Map.of(SPID, Money.of("10.00"))));
		mvc.perform(get("/catalog").with(user(reseller)))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(containsString("ünïcödé ✓")));
		mvc.perform(
				post("/cart/items").param("product", "EVIL").param("mode", "SPID").with(user(reseller)).with(csrf()));
		mvc.perform(get("/cart").with(user(reseller)))
			.andExpect(content().string(not(containsString("<script>alert"))));
		mvc.perform(get("/products/EVIL").with(user(reseller)))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	private List<String> routes(RequestMethod method) {
		return Routes.of(mappings, method);
	}

	/**
	 * Row counts of every table but the session tables (any visit may start a session).
	 */
	private Map<String, Long> rowCounts() {
		return Routes.rowCounts(jdbc, "spring_session", "spring_session_attributes");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String email,
			String password) {
		return post("/login").param("email", email).param("password", password).with(csrf());
	}

	private static Cookie sessionOf(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

}
