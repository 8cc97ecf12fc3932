package it.rivendo.catalog;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff edit products, prices per mode, families, tiers and discount exceptions; every
 * change is audited.
 */
@WebIntegrationTest
class AdminCatalogPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Catalog catalog;

	@Autowired
	CartService carts;

	@Autowired
	JdbcClient jdbc;

	ShopUser staff;

	long resellerId;

	long productId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("ORO", "30").family("FIRMA").family("SPIDF");
		productId = shop.product("REMOTA", "FIRMA", SPID, "39.00", CIE, "45.00");
		resellerId = shop.reseller("gold@test.it", "ORO", "100.00");
		staff = shop.staff();
	}

	/**
	 * A product form post; {@code changes} are field/value pairs replacing the defaults.
	 */
	private MockHttpServletRequestBuilder productPost(String url, String code, String spid, String cie,
			String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("code", code);
		fields.put("familyCode", "SPIDF");
		fields.put("nameIt", "SPID persona fisica");
		fields.put("nameEn", "SPID personal");
		fields.put("descriptionIt", "Identità digitale");
		fields.put("descriptionEn", "");
		fields.put("instructionsIt", "Segui il link");
		fields.put("instructionsEn", "Follow the link");
		fields.put("vatRate", "22.00");
		fields.put("sortOrder", "5");
		fields.put("prices[SPID]", spid);
		fields.put("prices[CIE]", cie);
		fields.put("prices[VIDEO]", "");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(url).with(user(staff)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	@Test
	void theListShowsEveryProductWithFamilyStatusAndPricesPerMode() throws Exception {
		mvc.perform(get("/admin/catalog").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prodotto REMOTA")))
			.andExpect(content().string(containsString("Famiglia FIRMA")))
			.andExpect(content().string(containsString("In vendita")))
			.andExpect(content().string(containsString("39,00\u00a0€")))
			.andExpect(content().string(containsString("45,00\u00a0€")));
	}

	@Test
	void staffCreateAProductWhoseEmptyModesAreNotOfferedAndItIsAudited() throws Exception {
		mvc.perform(productPost("/admin/catalog/products", "spid-pf", "19,90", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", "admin.catalog.saved"));
		ProductPage page = catalog.productPage("SPID-PF", resellerId);
		assertThat(page.quotes()).singleElement().satisfies(quote -> {
			assertThat(quote.mode()).isEqualTo(SPID);
			assertThat(quote.listPrice()).isEqualTo(Money.of("19.90"));
			assertThat(quote.netPrice()).isEqualTo(Money.of("13.93")); // 19.90 less 30%
		});
		assertThat(page.familyCode()).isEqualTo("SPIDF");
		String detail = jdbc.sql("select detail from audit_event where action = 'CATALOG_PRODUCT_CREATED'")
			.query(String.class)
			.single();
		assertThat(detail).contains("code: — → \"SPID-PF\"").contains("price.SPID: — → \"19.90\"");
	}

	@Test
	void invalidInputComesBackAsTypedWithMessagesNextToTheFields() throws Exception {
		mvc.perform(productPost("/admin/catalog/products", "REMOTA", "12,345", "abc", "vatRate", "122", "nameIt", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"price-SPID-error\"")))
			.andExpect(content().string(containsString("value=\"12,345\"")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("id=\"vatRate-error\"")))
			.andExpect(content().string(containsString("value=\"122\"")))
			.andExpect(content().string(containsString("id=\"nameIt-error\"")));
		mvc.perform(productPost("/admin/catalog/products", "REMOTA", "10", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("già in uso")));
		mvc.perform(productPost("/admin/catalog/products", "NUOVO", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"prices-error\"")));
		assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isOne();
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isZero();
	}

	@Test
	void staffGiveAProductATermAndRenewalWindowWithWrongNumbersNextToTheirFields() throws Exception {
		String url = "/admin/catalog/products/" + productId;
		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "0", "renewalOpensDays", "abc",
				"renewalGraceDays", "400"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"termMonths-error\"")))
			.andExpect(content().string(containsString("tra 1 e 120")))
			.andExpect(content().string(containsString("id=\"renewalOpensDays-error\"")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("id=\"renewalGraceDays-error\"")))
			.andExpect(content().string(containsString("value=\"400\"")));
		assertThat(shop.catalog().product(productId).term()).isEqualTo(ServiceTerm.NONE);

		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "12", "renewalOpensDays", "60",
				"renewalGraceDays", "30"))
			.andExpect(redirectedUrl(url));
		assertThat(shop.catalog().product(productId).term()).isEqualTo(ServiceTerm.months(12, 60, 30));
		assertThat(jdbc.sql("select detail from audit_event where action = 'CATALOG_PRODUCT_CHANGED'")
			.query(String.class)
			.single()).contains("termMonths: — → \"12\"").contains("renewalOpensDays: \"90\" → \"60\"");
		mvc.perform(get(url).with(user(staff)))
			.andExpect(content().string(containsString("value=\"12\"")))
			.andExpect(content().string(containsString("value=\"30\"")));

		// a consumable: no term
		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "", "renewalOpensDays", "60",
				"renewalGraceDays", "30"))
			.andExpect(redirectedUrl(url));
		assertThat(shop.catalog().product(productId).term().expires()).isFalse();
	}

	@Test
	void staffGiveAProductWithATermARenewalPriceWithWrongAmountsNextToTheField() throws Exception {
		String url = "/admin/catalog/products/" + productId;
		for (String typed : List.of("-5", "abc", "1,234.50", "12,345")) {
			mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "12", "renewalPrice", typed))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("id=\"renewalPrice-error\"")))
				.andExpect(content()
					.string(containsString(typed.startsWith("-") ? "value=\"-5,00\"" : "value=\"" + typed + "\"")));
		}
		// a product without a term is not renewed: no renewal price
		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "", "renewalPrice", "20"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"renewalPrice-error\"")))
			.andExpect(content().string(containsString("Un prodotto senza durata non si rinnova")))
			.andExpect(content().string(containsString("value=\"20,00\"")));
		assertThat(shop.catalog().product(productId).renewalPrice()).isNull();
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isZero();

		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "12", "renewalPrice", "29,50"))
			.andExpect(redirectedUrl(url));
		assertThat(shop.catalog().product(productId).renewalPrice()).isEqualTo(Money.of("29.50"));
		assertThat(jdbc.sql("select detail from audit_event where action = 'CATALOG_PRODUCT_CHANGED'")
			.query(String.class)
			.single()).contains("renewalPrice: — → \"29.50\"");
		mvc.perform(get(url).with(user(staff))).andExpect(content().string(containsString("value=\"29,50\"")));
		// the ORO tier's 30% off, on the renewal price for renewals only
		assertThat(catalog.renewalQuote(resellerId, "REMOTA", CIE).netPrice()).isEqualTo(Money.of("20.65"));
		assertThat(catalog.quote(resellerId, "REMOTA", CIE).netPrice()).isEqualTo(Money.of("31.50"));

		// emptied: a renewal costs the purchase price of the mode again
		mvc.perform(productPost(url, "REMOTA", "39.00", "45.00", "termMonths", "12", "renewalPrice", ""))
			.andExpect(redirectedUrl(url));
		assertThat(shop.catalog().product(productId).renewalPrice()).isNull();
		assertThat(catalog.renewalQuote(resellerId, "REMOTA", CIE).netPrice()).isEqualTo(Money.of("31.50"));
	}

	@Test
	void editingChangesPricesExactlyRemovesEmptyModesAndRecordsBeforeAndAfter() throws Exception {
		mvc.perform(get("/admin/catalog/products/{id}", productId).with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"39,00\"")));
		mvc.perform(productPost("/admin/catalog/products/" + productId, "REMOTA", "41.10", ""))
			.andExpect(redirectedUrl("/admin/catalog/products/" + productId));
		ProductPage page = catalog.productPage("REMOTA", resellerId);
		assertThat(page.quotes()).extracting(PriceQuote::mode).containsExactly(SPID);
		assertThat(page.quotes().get(0).listPrice()).isEqualTo(Money.of("41.10"));
		String detail = jdbc.sql("select detail from audit_event where action = 'CATALOG_PRODUCT_CHANGED'")
			.query(String.class)
			.single();
		assertThat(detail).contains("family: \"FIRMA\" → \"SPIDF\"")
			.contains("price.SPID: \"39.00\" → \"41.10\"")
			.contains("price.CIE: \"45.00\" → —")
			.doesNotContain("vatRate");
	}

	@Test
	void aWithdrawnProductLeavesTheCatalogButCartsKeepShowingItAsUnavailable() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 2);
		mvc.perform(post("/admin/catalog/products/{id}/withdraw", productId).with(user(staff)).with(csrf()))
			.andExpect(redirectedUrl("/admin/catalog/products/" + productId));
		assertThat(catalog.offerFor(resellerId, "", "")).isEmpty();
		assertThat(catalog.menu()).isEmpty();
		assertThat(carts.view(shop.owner(resellerId)).lines()).hasSize(1);
		mvc.perform(get("/admin/catalog").with(user(staff))).andExpect(content().string(containsString("Ritirato")));
		mvc.perform(get("/cart").with(user(shop.userOf(resellerId, "gold@test.it")))).andExpect(status().isOk());
		mvc.perform(post("/admin/catalog/products/{id}/restore", productId).with(user(staff)).with(csrf()));
		assertThat(catalog.offerFor(resellerId, "", "")).hasSize(2);
		assertThat(jdbc.sql("select action from audit_event order by id").query(String.class).list())
			.containsExactly("CATALOG_PRODUCT_WITHDRAWN", "CATALOG_PRODUCT_RESTORED");
	}

	@Test
	void familiesAndTiersAreCreatedAndEditedWithExactPercentages() throws Exception {
		mvc.perform(post("/admin/catalog/families").with(user(staff))
			.with(csrf())
			.param("code", "PEC")
			.param("nameIt", "Posta certificata")
			.param("nameEn", "Certified e-mail")
			.param("sortOrder", "9")).andExpect(redirectedUrl("/admin/catalog"));
		long tierId = jdbc.sql("select id from discount_tier where code = 'ORO'").query(Long.class).single();
		mvc.perform(post("/admin/catalog/tiers/{id}", tierId).with(user(staff))
			.with(csrf())
			.param("code", "ORO")
			.param("nameIt", "Oro")
			.param("nameEn", "Gold")
			.param("percent", "abc")
			.param("sortOrder", "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"percent-error\"")))
			.andExpect(content().string(containsString("value=\"abc\"")));
		mvc.perform(post("/admin/catalog/tiers/{id}", tierId).with(user(staff))
			.with(csrf())
			.param("code", "ORO")
			.param("nameIt", "Oro")
			.param("nameEn", "Gold")
			.param("percent", "27,5")
			.param("sortOrder", "3")).andExpect(redirectedUrl("/admin/catalog"));
		assertThat(catalog.tierOf(resellerId).percent()).isEqualByComparingTo("27.5");
		assertThat(catalog.quote(resellerId, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("28.28")); // 39
																										// ×
																										// 0.725
		assertThat(jdbc.sql("select detail from audit_event where action = 'DISCOUNT_TIER_CHANGED'")
			.query(String.class)
			.single()).contains("percent: \"30.00\" → \"27.50\"").contains("name.it: \"ORO\" → \"Oro\"");
		mvc.perform(get("/admin/catalog").with(user(staff)))
			.andExpect(content().string(containsString("Posta certificata")))
			.andExpect(content().string(containsString("27,5%")));
	}

	@Test
	void overridesForATierAndForOneResellerFoundByNameOrEmail() throws Exception {
		long tierId = jdbc.sql("select id from discount_tier where code = 'ORO'").query(Long.class).single();
		String url = "/admin/catalog/products/" + productId + "/discounts";
		mvc.perform(post(url).with(user(staff))
			.with(csrf())
			.param("target", "TIER")
			.param("targetId", "" + tierId)
			.param("percent", "15")).andExpect(redirectedUrl(url));
		assertThat(catalog.quote(resellerId, "REMOTA", SPID).discountPercent()).isEqualByComparingTo("15");

		mvc.perform(get(url).param("q", "GOLD@").with(user(staff)))
			.andExpect(content().string(containsString("Azienda gold@test.it")));
		mvc.perform(get(url).param("q", "nessuno").with(user(staff)))
			.andExpect(content().string(not(containsString("Azienda gold@test.it"))));
		mvc.perform(post(url).with(user(staff))
			.with(csrf())
			.param("target", "RESELLER")
			.param("targetId", "" + resellerId)
			.param("percent", "101")
			.param("q", "gold"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"percent-RESELLER-" + resellerId + "-error\"")))
			.andExpect(content().string(containsString(
					"aria-invalid=\"true\" aria-describedby=\"percent-RESELLER-" + resellerId + "-error\"")))
			.andExpect(content().string(containsString("value=\"101\"")));
		mvc.perform(post(url).with(user(staff))
			.with(csrf())
			.param("target", "RESELLER")
			.param("targetId", "" + resellerId)
			.param("percent", "40,25")).andExpect(redirectedUrl(url));
		assertThat(catalog.quote(resellerId, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("23.30")); // 39
																										// ×
																										// 0.5975
		mvc.perform(get(url).with(user(staff)))
			.andExpect(content().string(containsString("Azienda gold@test.it")))
			.andExpect(content().string(containsString("value=\"40,25\"")));

		mvc.perform(post(url).with(user(staff))
			.with(csrf())
			.param("target", "RESELLER")
			.param("targetId", "" + resellerId)
			.param("percent", ""));
		assertThat(catalog.quote(resellerId, "REMOTA", SPID).discountPercent()).isEqualByComparingTo("15");
		List<String> details = jdbc
			.sql("select detail from audit_event where action = 'DISCOUNT_OVERRIDE_SET' order by id")
			.query(String.class)
			.list();
		assertThat(details).containsExactly("percent: — → \"15.00\"", "percent: — → \"40.25\"",
				"percent: \"40.25\" → —");
		mvc.perform(post(url).with(user(staff))
			.with(csrf())
			.param("target", "RESELLER")
			.param("targetId", "987654")
			.param("percent", "5")).andExpect(status().isNotFound());
		assertThat(new BigDecimal("40.25").scale()).isEqualTo(2);
	}

}
