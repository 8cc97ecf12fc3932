package it.rivendo.shared.db;

import java.nio.file.Path;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * What {@link DatabaseBootstrap} chooses from: the shop's settings, or the tests' (the
 * {@code test} profile sets {@code rivendo.database.*} to name
 * {@code TEST_DATASOURCE_URL}, the database {@code rivendo_test} and a throwaway folder).
 *
 * @param urlVariable the variable that names a database explicitly
 * ({@code SPRING_DATASOURCE_URL} or {@code TEST_DATASOURCE_URL}); blank for none
 * @param explicitUrl its value, or null when it is not set
 * @param database the database to use, or create, on a server that was found or started
 * @param localServer {@code host:port} where a running PostgreSQL is looked for
 * @param containers whether a server may be started in a container (tests with Docker)
 * @param embeddedData where the embedded server keeps its data between runs; null for a
 * throwaway folder
 */
public record DatabaseSettings(String urlVariable, String explicitUrl, String username, String password,
		String database, String localServer, boolean containers, Path embeddedData) {

	static final String SHOP_VARIABLE = "SPRING_DATASOURCE_URL";

	public static DatabaseSettings from(PropertyResolver environment) {
		String variable = environment.getProperty("rivendo.database.url-variable", SHOP_VARIABLE).strip();
		String explicit = variable.isEmpty() ? null : environment.getProperty(variable);
		if (explicit == null && variable.equals(SHOP_VARIABLE)) {
			// also spring.datasource.url given as -D or --: application.yml no longer
			// sets it
			explicit = environment.getProperty("spring.datasource.url");
		}
		String data = environment.getProperty("rivendo.database.embedded-data", "");
		return new DatabaseSettings(variable, StringUtils.hasText(explicit) ? explicit.strip() : null,
				environment.getProperty("spring.datasource.username", "postgres"),
				environment.getProperty("spring.datasource.password", ""),
				environment.getProperty("rivendo.database.name", "rivendo"),
				environment.getProperty("rivendo.database.local-server", "127.0.0.1:5432"),
				environment.getProperty("rivendo.database.containers", Boolean.class, true),
				StringUtils.hasText(data) ? Path.of(data.strip()).toAbsolutePath() : null);
	}

	/** The URL of {@link #database()} on the local server. */
	String localUrl() {
		return "jdbc:postgresql://" + localServer + "/" + database;
	}

	String localHost() {
		return localServer.substring(0, localServer.lastIndexOf(':'));
	}

	int localPort() {
		return Integer.parseInt(localServer.substring(localServer.lastIndexOf(':') + 1));
	}

	/** Whether these are the tests' settings, which name their own variable. */
	boolean forShop() {
		return SHOP_VARIABLE.equals(urlVariable);
	}
}
