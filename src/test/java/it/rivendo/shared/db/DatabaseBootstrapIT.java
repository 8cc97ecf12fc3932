package it.rivendo.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.shared.db.DatabaseBootstrap.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A fresh machine needs no createdb, and an unreachable PostgreSQL is one clear sentence. */
class DatabaseBootstrapIT {

	@Test
	void createsTheDatabaseWhenItDoesNotExist() throws Exception {
		String name = "rivendo_bootstrap_" + System.nanoTime();
		try {
			new DatabaseBootstrap().postProcessEnvironment(environment("jdbc:postgresql://127.0.0.1:5432/" + name),
					new SpringApplication());
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name,
					"postgres", "")) {
				assertThat(connection.isValid(2)).isTrue();
			}
			// a second start finds it and leaves it alone
			new DatabaseBootstrap().postProcessEnvironment(environment("jdbc:postgresql://127.0.0.1:5432/" + name),
					new SpringApplication());
		}
		finally {
			try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
					""); Statement drop = admin.createStatement()) {
				drop.execute("drop database if exists " + name);
			}
		}
	}

	@Test
	void anUnreachableServerIsOneClearSentenceWithTheFix() {
		assertThatThrownBy(() -> new DatabaseBootstrap()
			.postProcessEnvironment(environment("jdbc:postgresql://127.0.0.1:1/rivendo"), new SpringApplication()))
			.isInstanceOfSatisfying(DatabaseUnavailableException.class, ex -> {
				assertThat(ex.unreachable()).isTrue();
				FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).isEqualTo("Rivendo cannot reach PostgreSQL at 127.0.0.1:1.");
				assertThat(analysis.getAction()).contains("Start PostgreSQL").contains("SPRING_DATASOURCE_URL");
			});
	}

	private static MockEnvironment environment(String url) {
		return new MockEnvironment().withProperty("spring.datasource.url", url)
			.withProperty("spring.datasource.username", "postgres")
			.withProperty("spring.datasource.password", "");
	}
}
