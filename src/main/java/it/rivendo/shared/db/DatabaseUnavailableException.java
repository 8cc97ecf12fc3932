package it.rivendo.shared.db;

import java.sql.SQLException;

/**
 * No usable database: the one given does not answer or refuses, none was found or could
 * be started. Carries the one sentence saying so and what to do, naming the variable that
 * matters ({@code SPRING_DATASOURCE_URL} for the shop, {@code TEST_DATASOURCE_URL} for
 * the tests); {@link DatabaseUnavailableFailureAnalyzer} prints it instead of a stack
 * trace.
 */
public class DatabaseUnavailableException extends RuntimeException {

	private static final String UNREACHABLE = "08001";

	private final String description;

	private final String action;

	private DatabaseUnavailableException(String description, String action, Throwable cause) {
		super(description + " " + action, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * The server at {@code hostAndPort} did not answer, or refused the credentials or the
	 * database.
	 */
	static DatabaseUnavailableException of(String hostAndPort, String database, SQLException cause,
			DatabaseSettings settings, boolean given) {
		String variable = settings.urlVariable();
		String who = settings.forShop() ? "Rivendo" : "Rivendo's tests";
		if (!UNREACHABLE.equals(cause.getSQLState())) {
			return new DatabaseUnavailableException(
					who + " cannot use database '" + database + "' on PostgreSQL at " + hostAndPort + ": "
							+ cause.getMessage(),
					settings.forShop()
							? "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, or point the shop at"
									+ " another server with SPRING_DATASOURCE_URL."
							: "Point the tests at another server with " + variable + ".",
					cause);
		}
		if (!given) {
			return new DatabaseUnavailableException(who + " cannot reach PostgreSQL at " + hostAndPort + ".",
					"Start PostgreSQL on " + hostAndPort + ", or name another server with " + variable + ".", cause);
		}
		return new DatabaseUnavailableException(
				who + " cannot reach PostgreSQL at " + hostAndPort + ", which " + variable + " names.",
				"Start it, correct " + variable + ", or unset " + variable + " so that "
						+ (settings.forShop()
								? "the shop uses the PostgreSQL on " + settings.localServer() + " or starts its own."
								: "the tests use the PostgreSQL on " + settings.localServer() + " or start their own."),
				cause);
	}

	/**
	 * Nothing was given, nothing answers locally, and no server could be started here
	 * (the packaged jar).
	 */
	static DatabaseUnavailableException none(DatabaseSettings settings) {
		return new DatabaseUnavailableException(
				"Rivendo found no PostgreSQL: " + settings.urlVariable() + " is not set, nothing answers on "
						+ settings.localServer() + ", and this build has no embedded PostgreSQL.",
				"Set " + settings.urlVariable() + " (e.g. jdbc:postgresql://db.example.com:5432/" + settings.database()
						+ ", with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) or start PostgreSQL on "
						+ settings.localServer() + ".",
				null);
	}

	/** A server the shop starts for itself did not start. */
	static DatabaseUnavailableException notStarted(String what, Exception cause, DatabaseSettings settings) {
		String why = String.valueOf(cause.getMessage()).strip();
		return new DatabaseUnavailableException(
				"Rivendo could not start " + what + ": " + why + (why.endsWith(".") || why.endsWith(")") ? "" : "."),
				"Set " + settings.urlVariable() + " to a PostgreSQL server, or start one on " + settings.localServer()
						+ ".",
				cause);
	}

	public String description() {
		return description;
	}

	public String action() {
		return action;
	}

}
