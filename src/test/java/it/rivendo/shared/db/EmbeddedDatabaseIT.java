package it.rivendo.shared.db;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded PostgreSQL 17, on every run of the suite: with no URL given, nothing
 * answering on the local port and no containers (as on a laptop with only a JDK), the
 * shop starts its own server, migrates it and sells on it.
 */
@IntegrationTest
@TestPropertySource(properties = { "rivendo.database.url-variable=", "rivendo.database.local-server=127.0.0.1:1",
		"rivendo.database.containers=false" })
@DirtiesContext
class EmbeddedDatabaseIT {

	@Value("${spring.datasource.url}")
	String url;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestShop shop;

	@Autowired
	CreditLedger credit;

	@Test
	void theShopMigratesAndSellsOnTheEmbeddedPostgreSql17() {
		assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").doesNotContain(":5432/").endsWith("/rivendo_test");
		assertThat(jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
			.isBetween(170000, 179999);
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
			.isZero();

		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long reseller = shop.reseller("r@test.it", "BASE", "100.00");
		String order = shop.buy(reseller, "REMOTA", SPID, 2);

		// 2 x 39.00 + 22% VAT = 95.16
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("4.84"));
		assertThat(jdbc.sql("select count(*) from purchased_service where order_number = ?")
			.param(order)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
