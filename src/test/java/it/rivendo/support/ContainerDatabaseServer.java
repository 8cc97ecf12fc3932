package it.rivendo.support;

import it.rivendo.shared.db.DatabaseServer;
import it.rivendo.shared.db.DatabaseSettings;
import org.springframework.core.annotation.Order;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' database on a machine with Docker but no PostgreSQL on 127.0.0.1:5432: one
 * {@code postgres:17} container per test JVM, tried before the embedded server (listed in
 * the tests' {@code META-INF/spring.factories}). Testcontainers removes it when the JVM
 * ends.
 */
@Order(0)
public class ContainerDatabaseServer implements DatabaseServer {

	/** The same major version as the embedded server and docker-compose.yml. */
	static final String IMAGE = "postgres:17";

	@Override
	public String name() {
		return "a PostgreSQL container (" + IMAGE + ")";
	}

	@Override
	public boolean available(DatabaseSettings settings) {
		return settings.containers() && DockerClientFactory.instance().isDockerAvailable();
	}

	@Override
	public Running start(DatabaseSettings settings) {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withUsername("postgres")
			.withPassword("postgres")
			// the same order and case rules as the embedded server and this project's
			// machines (C.UTF-8)
			.withEnv("POSTGRES_INITDB_ARGS", "--locale=C --locale-provider=builtin --builtin-locale=C.UTF-8")
			.withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
		container.start();
		return new Running("jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/",
				container.getUsername(), container.getPassword(),
				"a PostgreSQL container (" + IMAGE + ", Testcontainers) on port " + container.getFirstMappedPort());
	}

}
