package it.rivendo.shared.db;

/**
 * A PostgreSQL server the shop can start for itself when none was given or found running.
 * The implementations are listed in {@code META-INF/spring.factories} under this
 * interface and tried in their {@code @Order}: the tests add a container one (with
 * Docker) before the embedded server.
 */
public interface DatabaseServer {

	/**
	 * What it starts, e.g. "the embedded PostgreSQL 17", for the sentence when it does
	 * not start.
	 */
	String name();

	/**
	 * Whether this server can start here (e.g. its library is on the classpath, Docker
	 * answers).
	 */
	boolean available(DatabaseSettings settings);

	/** Starts the server, which stops by itself when the JVM ends. */
	Running start(DatabaseSettings settings) throws Exception;

	/**
	 * A started server.
	 *
	 * @param serverUrl its JDBC URL without a database, ending in {@code /}
	 * @param description what was started, for the one line of the log
	 */
	record Running(String serverUrl, String username, String password, String description) {
	}

}
