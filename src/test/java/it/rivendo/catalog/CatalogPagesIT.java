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

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog, product and cart pages as each reseller sees them. */
@WebIntegrationTest
class CatalogPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser bronze;

	ShopUser gold;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("BRONZE", "10").tier("GOLD", "30").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00", CIE, "41.00");
		bronze = shop.userOf(shop.reseller("bronze@test.it", "BRONZE", "0"), "bronze@test.it");
		gold = shop.userOf(shop.reseller("gold@test.it", "GOLD", "0"), "gold@test.it");
	}

	@Test
	void eachResellerSeesItsOwnPricesAndNeverAnothers() throws Exception {
		mvc.perform(get("/catalog").with(user(bronze)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(eur("35,10")))) // 39.00 - 10%
			.andExpect(content().string(containsString("10%")))
			.andExpect(content().string(not(containsString(eur("27,30"))))) // gold's
																			// 39.00 - 30%
			.andExpect(content().string(not(containsString("30%"))));
		mvc.perform(get("/catalog").with(user(gold)))
			.andExpect(content().string(containsString(eur("27,30"))))
			.andExpect(content().string(not(containsString(eur("35,10")))));
	}

	@Test
	void theCatalogFiltersBySearchAndFamilyAndExplainsTheDiscount() throws Exception {
		shop.family("PEC");
		shop.product("PEC1", "PEC", SPID, "25.00");
		mvc.perform(get("/catalog").param("family", "PEC").with(user(bronze)))
			.andExpect(content().string(containsString("Prodotto PEC1")))
			.andExpect(content().string(not(containsString("data-product=\"REMOTA\""))))
			.andExpect(content().string(containsString("(*) Prezzi IVA esclusa")));
		mvc.perform(get("/catalog").param("q", "remota").with(user(bronze)))
			.andExpect(content().string(containsString("Prodotto REMOTA")))
			.andExpect(content().string(not(containsString("data-product=\"PEC1\""))));
	}

	@Test
	void anUnknownProductIsA404PageInTheShopsLayout() throws Exception {
		mvc.perform(get("/products/NOPE").with(user(bronze)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Pagina non trovata")))
			.andExpect(content().string(containsString("Credito disponibile")));
	}

	@Test
	void aModeTheProductDoesNotAllowIsRefusedWithAMessage() throws Exception {
		var refused = mvc.perform(
				post("/cart/items").param("product", "REMOTA").param("mode", "VIDEO").with(user(bronze)).with(csrf()))
			.andExpect(redirectedUrl("/products/REMOTA"))
			.andExpect(flash().attribute("modeError", "cart.mode.notAllowed"))
			.andReturn();
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("mode", "<script>")
			.with(user(bronze))
			.with(csrf())).andExpect(redirectedUrl("/products/REMOTA"));
		assertThat(jdbc.sql("select count(*) from cart_line").query(Long.class).single()).isZero();
		assertThat((java.util.Map<String, Object>) refused.getFlashMap()).containsEntry("selectedMode",
				IdentificationMode.VIDEO);
		// the message on the product page is checked in the real browser
		// (PurchaseEntryBrowserIT)
	}

	@Test
	void aForgedPriceInTheFormIsIgnored() throws Exception {
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("mode", "SPID")
			.param("price", "0.01")
			.param("unitNetPrice", "0.01")
			.with(user(bronze))
			.with(csrf())).andExpect(redirectedUrl("/cart"));
		assertThat(jdbc.sql("select unit_net_price from cart_line").query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("35.10");
		mvc.perform(get("/cart").with(user(bronze)))
			.andExpect(content().string(containsString(eur("35,10"))))
			.andExpect(content().string(not(containsString(eur("0,01")))));
	}

	@Test
	void aQuantityOutsideOneToNinetyNineIsRefusedNextToTheLine() throws Exception {
		mvc.perform(
				post("/cart/items").param("product", "REMOTA").param("mode", "SPID").with(user(bronze)).with(csrf()));
		long line = jdbc.sql("select id from cart_line").query(Long.class).single();
		mvc.perform(post("/cart/lines/" + line).param("quantity", "100").with(user(bronze)).with(csrf()))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attributeExists("lineErrors"));
		assertThat(jdbc.sql("select quantity from cart_line").query(Integer.class).single()).isEqualTo(1);
		mvc.perform(post("/cart/lines/" + line).param("quantity", "3").with(user(bronze)).with(csrf()));
		assertThat(jdbc.sql("select quantity from cart_line").query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void acquistaInTheCatalogBuysTheChosenModeAndQuantityOrSaysWhatIsWrongNextToTheProduct() throws Exception {
		// a quantity that is not 1-99: back to the same catalog page, scrolled to the
		// product, what was chosen kept, the message next to the quantity
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("mode", "CIE")
			.param("quantity", "100")
			.param("from", "catalog")
			.param("q", "remota cie")
			.param("family", "FIRMA")
			.param("page", "0")
			.with(user(bronze))
			.with(csrf()))
			.andExpect(redirectedUrl("/catalog?q=remota%20cie&family=FIRMA#product-REMOTA"))
			.andExpect(flash().attribute("buyError", java.util.Map.of("product", "REMOTA", "field", "quantity",
					"message", "cart.quantity.range", "mode", "CIE", "quantity", "100")));
		assertThat(jdbc.sql("select count(*) from cart_line").query(Long.class).single()).isZero();
		// the page that shows them is checked in the real browser (CatalogBrowserIT)
		// no mode: the message next to the modes
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("quantity", "2")
			.param("from", "catalog")
			.with(user(bronze))
			.with(csrf()))
			.andExpect(redirectedUrl("/catalog#product-REMOTA"))
			.andExpect(flash().attribute("buyError", java.util.Map.of("product", "REMOTA", "field", "mode", "message",
					"cart.mode.missing", "mode", "", "quantity", "2")));
		// a mode and a quantity: that many units in the cart
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("mode", "CIE")
			.param("quantity", "3")
			.param("from", "catalog")
			.with(user(bronze))
			.with(csrf())).andExpect(redirectedUrl("/cart"));
		assertThat(jdbc.sql("select mode || ' x' || quantity from cart_line").query(String.class).single())
			.isEqualTo("CIE x3");
		// a line that would pass 99 units is refused next to the quantity as well
		mvc.perform(post("/cart/items").param("product", "REMOTA")
			.param("mode", "CIE")
			.param("quantity", "97")
			.param("from", "catalog")
			.param("page", "2")
			.with(user(bronze))
			.with(csrf()))
			.andExpect(redirectedUrl("/catalog?page=2#product-REMOTA"))
			.andExpect(flash().attribute("buyError", java.util.Map.of("product", "REMOTA", "field", "quantity",
					"message", "cart.quantity.full", "mode", "CIE", "quantity", "97")));
	}

	@Test
	void anotherResellersCartLineCannotBeTouched() throws Exception {
		mvc.perform(
				post("/cart/items").param("product", "REMOTA").param("mode", "SPID").with(user(bronze)).with(csrf()));
		long line = jdbc.sql("select id from cart_line").query(Long.class).single();
		mvc.perform(post("/cart/items").param("product", "REMOTA").param("mode", "CIE").with(user(gold)).with(csrf()));
		mvc.perform(post("/cart/lines/" + line + "/delete").with(user(gold)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/cart/lines/" + line).param("quantity", "5").with(user(gold)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select quantity from cart_line where id = ?").param(line).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void shopPagesNeedALoginAndStaffAreNotResellers() throws Exception {
		mvc.perform(get("/catalog")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/catalog").with(user(shop.staff()))).andExpect(status().isForbidden());
	}

	/**
	 * An amount as the Italian pages write it: a non-breaking space keeps the euro sign
	 * with its number.
	 */
	static String eur(String amount) {
		return amount + "\u00a0€";
	}

	@Test
	void englishIsOneClickAway() throws Exception {
		mvc.perform(get("/catalog").param("lang", "en").with(user(bronze)))
			.andExpect(content().string(containsString("Product catalog")))
			.andExpect(content().string(containsString("Product REMOTA")));
	}

}
