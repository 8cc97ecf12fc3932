package it.rivendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.demo.DemoData;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.TestDatabaseCheck;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog's product entries are rendered once per everything they show and kept
 * (shared.web.RenderedFragments, issue 22): over HTTP, with real sessions, each reseller
 * sees its own prices however the pages alternate, a kept entry's forms carry the
 * viewer's own CSRF token (an "Acquista" from it is accepted), and a refused "Acquista"
 * shows its message to whoever made it only.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class CatalogFragmentsIT {

	private static final String PRODUCT = "FIRMA-REMOTA-1A";

	@LocalServerPort
	int port;

	@Autowired
	DemoData demoData;

	private String shop;

	@BeforeEach
	void demoShop() {
		demoData.loadIfEmpty();
		shop = "http://localhost:" + port;
	}

	@Test
	void eachResellerSeesItsOwnPricesHoweverThePagesAlternate() throws Exception {
		HttpBrowser bronze = signedIn(DemoData.BRONZE);
		HttpBrowser gold = signedIn(DemoData.GOLD);
		// list price 39.00: Bronzo 10% off, Oro 30% off
		for (int i = 0; i < 3; i++) {
			assertThat(spidOption(page(bronze, "/catalog"))).contains("35,10").doesNotContain("27,30");
			assertThat(spidOption(page(gold, "/catalog"))).contains("27,30").doesNotContain("35,10");
			assertThat(spidOption(page(gold, "/catalog?lang=en"))).contains("€27.30");
			assertThat(spidOption(page(bronze, "/catalog?lang=en"))).contains("€35.10");
			assertThat(spidOption(page(gold, "/catalog?lang=it"))).contains("27,30");
			assertThat(spidOption(page(bronze, "/catalog?lang=it"))).contains("35,10");
		}
	}

	@Test
	void aKeptEntrysFormsCarryTheViewersOwnToken() throws Exception {
		HttpBrowser first = signedIn(DemoData.GOLD);
		HttpBrowser second = signedIn(DemoData.GOLD);
		String firstPage = page(first, "/catalog");
		String secondPage = page(second, "/catalog");
		// the same entries, each page with one token of its own in every form
		Set<String> firstTokens = tokens(firstPage);
		Set<String> secondTokens = tokens(secondPage);
		assertThat(firstTokens).hasSize(1).doesNotContainAnyElementsOf(secondTokens);
		assertThat(secondTokens).hasSize(1);
		assertThat(secondPage).doesNotContain("placeholder\"").doesNotContain("rivendo-csrf");

		HttpResponse<String> bought = second.post(shop + "/cart/items", Map.of("_csrf", secondTokens.iterator().next(),
				"product", PRODUCT, "mode", "SPID", "quantity", "2", "from", "catalog"));
		assertThat(bought.statusCode()).isEqualTo(302);
		assertThat(bought.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/cart"));
		assertThat(page(second, "/cart")).contains(PRODUCT);
		// the other session's token is not this one's
		HttpResponse<String> foreign = first.post(shop + "/cart/items", Map.of("_csrf", secondTokens.iterator().next(),
				"product", PRODUCT, "mode", "SPID", "quantity", "1", "from", "catalog"));
		assertThat(foreign.statusCode()).isEqualTo(403);
	}

	@Test
	void aRefusedPurchaseShowsItsMessageOnlyToWhoeverMadeIt() throws Exception {
		HttpBrowser first = signedIn(DemoData.GOLD);
		HttpBrowser second = signedIn(DemoData.GOLD);
		String before = page(first, "/catalog");
		HttpResponse<String> refused = first.post(shop + "/cart/items", Map.of("_csrf", HttpBrowser.csrf(before),
				"product", PRODUCT, "mode", "SPID", "quantity", "0", "from", "catalog"));
		assertThat(refused.statusCode()).isEqualTo(302);
		String withError = page(first, "/catalog");
		assertThat(entry(withError)).contains("Inserisci una quantità da 1 a 99.").contains("is-invalid");
		assertThat(entry(page(second, "/catalog"))).doesNotContain("Inserisci una quantità")
			.doesNotContain("is-invalid");
		// shown once
		assertThat(entry(page(first, "/catalog"))).doesNotContain("Inserisci una quantità");
	}

	private HttpBrowser signedIn(String email) throws Exception {
		HttpBrowser browser = new HttpBrowser();
		String login = page(browser, "/login");
		HttpResponse<String> loggedIn = browser.post(shop + "/login",
				Map.of("email", email, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(login)));
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(shop + "/");
		return browser;
	}

	private String page(HttpBrowser browser, String path) throws Exception {
		HttpResponse<String> response = browser.get(shop + path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** The product's entry in a catalog page. */
	private static String entry(String html) {
		int start = html.indexOf("data-product=\"" + PRODUCT + "\"");
		assertThat(start).as("the product's entry").isNotNegative();
		return html.substring(start, html.indexOf("</li>", start));
	}

	/** The product's SPID option, with its prices. */
	private static String spidOption(String html) {
		String entry = entry(html);
		int start = entry.indexOf("data-mode=\"SPID\"");
		assertThat(start).as("its SPID option").isNotNegative();
		return entry.substring(start, entry.indexOf("</label>", start));
	}

	/** The CSRF tokens of the page's product forms. */
	private static Set<String> tokens(String html) {
		Set<String> tokens = new LinkedHashSet<>();
		String list = html.substring(html.indexOf("data-testid=\"catalog\""));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(list);
		while (token.find()) {
			tokens.add(token.group(1));
		}
		return tokens;
	}

}
