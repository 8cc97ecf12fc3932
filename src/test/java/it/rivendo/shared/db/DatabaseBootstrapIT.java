package it.rivendo.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.env.MockEnvironment;

/**
 * A fresh machine needs no createdb: on the server the tests run on, whichever it is, a
 * missing database is created.
 */
@IntegrationTest
class DatabaseBootstrapIT {

	@Value("${spring.datasource.url}")
	String testDatabase;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	@Test
	void createsTheDatabaseWhenItDoesNotExist() throws Exception {
		String server = testDatabase.substring(0, testDatabase.lastIndexOf('/') + 1);
		String name = "rivendo_bootstrap_" + System.nanoTime();
		DatabaseSettings settings = DatabaseSettings
			.from(new MockEnvironment().withProperty("rivendo.database.url-variable", "TEST_DATASOURCE_URL")
				.withProperty("TEST_DATASOURCE_URL", server + name)
				.withProperty("spring.datasource.username", username)
				.withProperty("spring.datasource.password", password));
		try {
			DatabaseBootstrap.checkGiven(settings);
			try (Connection connection = DriverManager.getConnection(server + name, username, password)) {
				assertThat(connection.isValid(2)).isTrue();
			}
			// a second start finds it and leaves it alone
			DatabaseBootstrap.checkGiven(settings);
		}
		finally {
			try (Connection admin = DriverManager.getConnection(server + "postgres", username, password);
					Statement drop = admin.createStatement()) {
				drop.execute("drop database if exists " + name);
			}
		}
	}

}
