package it.rivendo.catalog;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A large catalog stays light: the catalog comes a page of products at a time, the main
 * menu lists a few products a family.
 */
@WebIntegrationTest
class CatalogAtScaleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Catalog catalog;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA").family("PEC");
		for (int i = 1; i <= 45; i++) {
			shop.product("F%02d".formatted(i), "FIRMA", SPID, "10.00");
		}
		shop.product("P01", "PEC", SPID, "5.00");
		reseller = shop.userOf(shop.reseller("r@test.it", "BASE", "0"), "r@test.it");
	}

	@Test
	void theCatalogComesFifteenProductsAPageWithLinksThatKeepTheFilters() throws Exception {
		String first = page("/catalog");
		assertThat(products(first)).isEqualTo(15);
		assertThat(first).contains("46 prodotti", "Pagina 1 di 4", "href=\"/catalog?page=1&amp;q=&amp;family=\"")
			.doesNotContain("Precedenti");
		String last = page("/catalog?page=3");
		assertThat(products(last)).isEqualTo(1);
		assertThat(last).contains("Pagina 4 di 4", "data-product=\"P01\"").doesNotContain("Successivi");
		// a page past the end shows the last one; filters count what they keep
		assertThat(products(page("/catalog?page=99"))).isEqualTo(1);
		String filtered = page("/catalog?family=PEC");
		assertThat(products(filtered)).isEqualTo(1);
		assertThat(filtered).contains("1 prodotto").doesNotContain("data-testid=\"catalog-pages\"");
	}

	@Test
	void theMainMenuListsAFewProductsPerFamilyAndLinksToTheRest() throws Exception {
		assertThat(catalog.menu()).extracting(MenuFamily::code, family -> family.products().size(), MenuFamily::more)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FIRMA", Catalog.MENU_ITEMS_PER_FAMILY, true),
					org.assertj.core.groups.Tuple.tuple("PEC", 1, false));
		String html = page("/cart");
		assertThat(html)
			.contains("href=\"/products/F08\"", "href=\"/catalog?family=FIRMA\"", "Tutti i prodotti della famiglia",
					"href=\"/products/P01\"")
			.doesNotContain("href=\"/products/F09\"", "href=\"/catalog?family=PEC\"");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(reseller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int products(String html) {
		Matcher matcher = Pattern.compile("<li class=\"card product-card\"").matcher(html);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
