package it.rivendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.rivendo.demo.DemoData;
import it.rivendo.shared.Money;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.SecondInstance;
import it.rivendo.support.TestDatabaseCheck;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog is kept between pages (issue 22), on two instances against one database: a
 * staff change made on one (a price, a product withdrawn, a tier's discount) shows on the
 * other at its next page, well within a second, and what they keep really is kept (a
 * change the version does not see is not shown).
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class CatalogCacheIT {

	private static final String PRODUCT = "FIRMA-REMOTA-1A";

	private static ConfigurableApplicationContext second;

	@LocalServerPort
	int portA;

	@Autowired
	DemoData demoData;

	@Autowired
	CatalogManagement staffOnA;

	@Autowired
	JdbcClient jdbc;

	private final HttpBrowser browser = new HttpBrowser();

	private String a;

	private String b;

	@BeforeAll
	static void startSecondInstance() {
		second = SecondInstance.start();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@BeforeEach
	void signedInOnA() throws Exception {
		demoData.loadIfEmpty();
		a = "http://localhost:" + portA;
		b = SecondInstance.url(second);
		String login = page(a + "/login");
		HttpResponse<String> loggedIn = browser.post(a + "/login",
				Map.of("email", DemoData.SILVER, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(login)));
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(a + "/");
	}

	@Test
	void aStaffPriceChangeOnOneInstanceShowsOnTheOtherWithinASecond() throws Exception {
		// Argento: 20% off the list price of 39.00
		assertThat(card(b)).contains("31,20");
		assertThat(card(a)).contains("31,20");

		// what the instances keep is kept: a price changed behind the version's back is
		// not seen by either
		jdbc.sql("alter table product_price disable trigger product_price_catalog_version").update();
		try {
			jdbc.sql("update product_price set list_price = 45.00 where mode = 'SPID' and product_id = "
					+ "(select id from product where code = ?)")
				.param(PRODUCT)
				.update();
		}
		finally {
			jdbc.sql("alter table product_price enable trigger product_price_catalog_version").update();
		}
		assertThat(card(b)).contains("31,20");
		assertThat(card(a)).contains("31,20");

		// staff change the price on A: 50.00 less 20%
		staffOnA.setListPrice(PRODUCT, IdentificationMode.SPID, Money.of("50.00"));
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(card(b)).contains("40,00").doesNotContain("31,20"));
		assertThat(card(a)).contains("40,00");
	}

	@Test
	void aStaffDiscountChangeOnOneInstanceShowsOnTheOtherWithinASecond() throws Exception {
		// Argento: 20% off the list price of 39.00
		assertThat(card(b)).contains("31,20");
		assertThat(card(a)).contains("31,20");

		// the reseller's discount policy is kept too (V161): a percentage changed behind
		// the version's back is seen by neither
		jdbc.sql("alter table discount_tier disable trigger discount_tier_catalog_version").update();
		try {
			jdbc.sql("update discount_tier set percent = 50.00 where code = 'SILVER'").update();
		}
		finally {
			jdbc.sql("alter table discount_tier enable trigger discount_tier_catalog_version").update();
		}
		assertThat(card(b)).contains("31,20");
		assertThat(card(a)).contains("31,20");

		// staff give Argento 40% on A: 39.00 less 40%
		CatalogManagement.TierEntry silver = staffOnA.tiers()
			.stream()
			.filter(tier -> tier.code().equals("SILVER"))
			.findFirst()
			.orElseThrow();
		staffOnA.saveTier(silver.id(), silver.code(), silver.name(), new BigDecimal("40.00"), silver.sortOrder(),
				"staff@demo.rivendo.it");
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(card(b)).contains("23,40").doesNotContain("31,20"));
		assertThat(card(a)).contains("23,40");
	}

	@Test
	void aProductWithdrawnOnOneInstanceLeavesTheOthersCatalogAndMenu() throws Exception {
		assertThat(page(b + "/catalog")).contains("data-product=\"" + PRODUCT + "\"")
			.contains("/products/" + PRODUCT + "\"");

		staffOnA.withdraw(PRODUCT);
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(page(b + "/catalog")).doesNotContain("data-product=\"" + PRODUCT + "\"")
				.doesNotContain("/products/" + PRODUCT + "\""));
		// the menu of any other page too
		assertThat(page(b + "/cart")).doesNotContain("/products/" + PRODUCT + "\"");
	}

	/** The product's SPID option in the catalog page of an instance, with its prices. */
	private String card(String instance) throws Exception {
		String html = page(instance + "/catalog");
		int product = html.indexOf("data-product=\"" + PRODUCT + "\"");
		assertThat(product).as("the product's entry on " + instance).isNotNegative();
		int start = html.indexOf("data-mode=\"SPID\"", product);
		assertThat(start).as("its SPID option on " + instance).isNotNegative();
		return html.substring(start, html.indexOf("</label>", start));
	}

	private String page(String url) throws Exception {
		HttpResponse<String> response = browser.get(url);
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

}
