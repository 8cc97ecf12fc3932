package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.demo.DemoData;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.StatementCount;
import it.rivendo.support.TestDatabaseCheck;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * How many SQL statements and transactions a signed-in reseller's page costs, counted at
 * the JDBC driver for the request's own thread (issue 22: every round trip to PostgreSQL
 * is CPU of both at full load). The second view of each page is counted, so what the shop
 * keeps between pages (the catalog's rows, the menu) is kept already. A page that adds a
 * query fails here; one that needs more must say why and raise its bound.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StatementCount.class)
@ExtendWith(CleanDatabaseExtension.class)
class StatementsPerPageIT {

	private static final String PRODUCT = "FIRMA-REMOTA-1A";

	@LocalServerPort
	int port;

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcTemplate jdbc;

	private String shop;

	private HttpBrowser reseller;

	@BeforeEach
	void signedInResellerWithACartLine() throws Exception {
		demoData.loadIfEmpty();
		shop = "http://localhost:" + port;
		reseller = new HttpBrowser();
		String login = reseller.get(shop + "/login").body();
		HttpResponse<String> loggedIn = reseller.post(shop + "/login",
				Map.of("email", DemoData.GOLD, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(login)));
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(shop + "/");
		String product = reseller.get(shop + "/products/" + PRODUCT).body();
		HttpResponse<String> added = reseller.post(shop + "/cart/items",
				Map.of("_csrf", HttpBrowser.csrf(product), "product", PRODUCT, "mode", "SPID"));
		assertThat(added.statusCode()).isEqualTo(302);
	}

	@Test
	void catalog() throws Exception {
		// the session; the versions with the frame's credit and cart count (fourth
		// round);
		// the reseller's top-ups (the tier box). Before: 11 statements in 4 transactions,
		// 5 in 3 after the third round
		assertAtMost("/catalog", 3, 3);
	}

	@Test
	void productPage() throws Exception {
		// the session; the versions with the frame's two; the product with its prices.
		// Before: 8 in 4, 5 in 3 after the third round
		assertAtMost("/products/" + PRODUCT, 3, 3);
	}

	@Test
	void home() throws Exception {
		// the session; the versions with the frame's two (and the credit the page shows);
		// services by status, top-ups, services running out, orders waiting for
		// approval, the last orders (not counted: the page shows no total). Before: 14
		// in 4, 11 in 3 after the third round
		assertAtMost("/", 7, 3);
	}

	@Test
	void cart() throws Exception {
		// the session; the versions with the frame's two (and the credit the page shows);
		// the cart, its products on sale. Before: 9 in 4, 7 in 3 after the third round
		assertAtMost("/cart", 4, 3);
	}

	@Test
	void theHeadersCreditAndCartCountAreThoseOfEachRequest() throws Exception {
		// read with the versions, in the page view's first statement: nothing is kept
		// between requests, so a change made anywhere (here behind the shop's back) shows
		// at the next page
		assertThat(headerOf(reseller.get(shop + "/catalog").body())[0]).isEqualTo("1");
		jdbc.update("""
				update credit_account set balance = 1234.56
				where reseller_id = (select reseller_id from user_account where email = ?)""", DemoData.GOLD);
		jdbc.update("""
				update cart_line set quantity = 3
				where cart_id = (select c.id from cart c join user_account u on u.id = c.user_id where u.email = ?)""",
				DemoData.GOLD);
		for (String path : new String[] { "/catalog", "/products/" + PRODUCT, "/orders", "/account/credit" }) {
			assertThat(headerOf(reseller.get(shop + path).body())).as(path).containsExactly("3", "1.234,56 €");
		}
		// the cart page also shows the credit it has read once with the header's
		String cart = reseller.get(shop + "/cart").body();
		assertThat(headerOf(cart)).containsExactly("3", "1.234,56 €");
		assertThat(cart.replace('\u00a0', ' ')).contains("data-testid=\"checkout-balance\">1.234,56 €<");
	}

	/** The header's cart count and credit, as the page shows them. */
	private static String[] headerOf(String page) {
		Matcher count = Pattern.compile("data-testid=\"cart-count\"[^>]*>([^<]*)<").matcher(page);
		Matcher balance = Pattern.compile("data-testid=\"balance-amount\"[^>]*>([^<]*)<").matcher(page);
		return new String[] { count.find() ? count.group(1).strip() : "",
				balance.find() ? balance.group(1).replace('\u00a0', ' ').strip() : "" };
	}

	@Test
	void expiring() throws Exception {
		// the session; the versions with the frame's two; the counts per product, the
		// page of rows, the filters' families and products. 8 counted before the fourth
		// round read the frame with the versions (not counted again since). The demo's
		// services end later than 90 days: with services in the window, pricing them
		// reads the products on sale and the reseller's discount too
		assertAtMost("/account/services/expiring?days=90", 8, 3);
	}

	private void assertAtMost(String path, int statements, int transactions) throws Exception {
		assertThat(reseller.get(shop + path).statusCode()).as(path).isEqualTo(200);
		HttpResponse<String> page = reseller.get(shop + path, StatementCount.HEADER, "yes");
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		StatementCount.Counted counted = StatementCount.last();
		System.out.println("StatementsPerPageIT " + path + ": " + counted);
		assertThat(counted.statementCount()).as("statements of %s: %s", path, counted).isLessThanOrEqualTo(statements);
		assertThat(counted.transactionCount()).as("transactions of %s: %s", path, counted)
			.isLessThanOrEqualTo(transactions);
	}

}
