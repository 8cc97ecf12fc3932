package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.demo.DemoData;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.StatementCount;
import it.rivendo.support.TestDatabaseCheck;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
		// the session; the versions (also the signed-in check's); the reseller's top-ups
		// (the
		// tier box); the frame's credit and cart count. Before: 11 statements in 4
		// transactions
		assertAtMost("/catalog", 5, 3);
	}

	@Test
	void productPage() throws Exception {
		// the session; the versions; the product with its prices; the frame's two.
		// Before: 8
		// in 4
		assertAtMost("/products/" + PRODUCT, 5, 3);
	}

	@Test
	void home() throws Exception {
		// the session; the versions; services by status, credit, top-ups, services
		// running
		// out, orders waiting for approval, the last orders and their count; the frame's
		// two. Before: 14 in 4
		assertAtMost("/", 11, 3);
	}

	@Test
	void cart() throws Exception {
		// the session; the versions; the cart, its products on sale, the credit; the
		// frame's
		// two. Before: 9 in 4
		assertAtMost("/cart", 7, 3);
	}

	@Test
	void expiring() throws Exception {
		// the session; the versions; the counts per product, their prices, the page of
		// rows, the families and products of the filters; the frame's two
		assertAtMost("/account/services/expiring?days=90", 99, 3);
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
