package it.rivendo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.IntegrationTest;
import it.rivendo.support.SecondInstance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo shop ({@code ./mvnw spring-boot:run}) has its demo data before its web server
 * accepts the first request: a sign-in in the first second is not refused for want of the
 * demo accounts. Started as a second shop on the test's database with the demo profile
 * and {@code rivendo.demo.load-data=true} (the tests' profile turns the loading off).
 */
@IntegrationTest
class DemoDataLoaderIT {

	static final List<String> DEMO_LOGINS = List.of(DemoData.BRONZE, DemoData.SILVER, DemoData.GOLD, DemoData.STAFF,
			DemoData.OPERATOR, DemoData.ACCOUNTANT);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demoData;

	@Test
	void theDemoAccountsExistWhenTheWebServerStartsAcceptingRequests() {
		List<Long> accountsWhenServing = new CopyOnWriteArrayList<>();
		ApplicationListener<ApplicationEvent> serverStarted = event -> {
			if (event instanceof WebServerInitializedEvent) {
				accountsWhenServing.add(demoAccounts());
			}
		};
		try (ConfigurableApplicationContext demoShop = SecondInstance.builder()
			.profiles("demo")
			.listeners(serverStarted)
			// the demo profile's own SMTP server is not needed: the tests' GreenMail
			// listens
			.run("--rivendo.demo.load-data=true", "--rivendo.mail.embedded-smtp=false")) {
			assertThat(accountsWhenServing).containsExactly((long) DEMO_LOGINS.size());
		}
		long products = count("product");
		long entries = count("credit_entry");

		// loading again, as the next start of the demo on its kept database does, adds
		// nothing
		demoData.loadIfEmpty();

		assertThat(demoAccounts()).isEqualTo(DEMO_LOGINS.size());
		assertThat(count("product")).isEqualTo(products).isPositive();
		assertThat(count("credit_entry")).isEqualTo(entries).isEqualTo(3);
	}

	private long demoAccounts() {
		return jdbc.sql("select count(*) from user_account where email in (:logins)")
			.param("logins", DEMO_LOGINS)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
