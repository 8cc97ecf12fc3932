package it.rivendo.shared.db;

import it.rivendo.shared.db.DatabaseServer.Running;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Chooses the database once, before any bean is created, so that a JDK is all a newcomer
 * needs. In this order:
 * <ol>
 * <li>the URL given explicitly ({@code SPRING_DATASOURCE_URL};
 * {@code TEST_DATASOURCE_URL} for the tests): used as given, created if missing, and
 * never replaced: when it does not answer, start-up stops with one sentence;
 * <li>a PostgreSQL answering on {@code 127.0.0.1:5432}
 * ({@code rivendo.database.local-server});
 * <li>a server the shop starts for itself, the first available {@link DatabaseServer}: in
 * the tests a PostgreSQL container when Docker runs, then the embedded PostgreSQL 17,
 * which is not in the packaged jar;
 * <li>none of these: one sentence saying what to set.
 * </ol>
 * The database ({@code rivendo}, {@code rivendo_test}) is created when it does not exist
 * yet. The choice is logged in one line and made once per JVM for the same settings, so
 * the tests' application contexts share one server. Switched off with
 * {@code rivendo.database.bootstrap=false}.
 */
public class DatabaseBootstrap implements EnvironmentPostProcessor {

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)(\\?.*)?");

	private static final String ALREADY_EXISTS = "42P04";

	private static final Map<DatabaseSettings, Database> CHOSEN = new ConcurrentHashMap<>();

	private final Log log;

	private final Supplier<List<DatabaseServer>> servers;

	private final Predicate<DatabaseSettings> localServerAnswers;

	public DatabaseBootstrap(DeferredLogFactory logs) {
		this(logs.getLog(DatabaseBootstrap.class), () -> SpringFactoriesLoader.loadFactories(DatabaseServer.class,
				DatabaseBootstrap.class.getClassLoader()), DatabaseBootstrap::answers);
	}

	DatabaseBootstrap(Log log, Supplier<List<DatabaseServer>> servers, Predicate<DatabaseSettings> localServerAnswers) {
		this.log = log;
		this.servers = servers;
		this.localServerAnswers = localServerAnswers;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("rivendo.database.bootstrap", Boolean.class, true)) {
			return;
		}
		Database database = database(DatabaseSettings.from(environment));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("rivendoDatabase",
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password())));
	}

	/**
	 * The database these settings lead to: chosen, started and created at the first call,
	 * the same afterwards.
	 */
	Database database(DatabaseSettings settings) {
		Database known = CHOSEN.get(settings);
		if (known != null) {
			return known;
		}
		synchronized (CHOSEN) {
			return CHOSEN.computeIfAbsent(settings, this::open);
		}
	}

	private Database open(DatabaseSettings settings) {
		Choice choice = choose(settings);
		Database database = switch (choice.kind()) {
			case GIVEN -> ensure(settings.explicitUrl(), settings.username(), settings.password(), settings, true,
					settings.urlVariable() + " " + withoutQuery(settings.explicitUrl()));
			case LOCAL -> ensure(settings.localUrl(), settings.username(), settings.password(), settings, false,
					"the PostgreSQL answering on " + settings.localServer() + ", database " + settings.database());
			case STARTED -> start(choice.server(), settings);
			case NONE -> throw DatabaseUnavailableException.none(settings);
		};
		log.info("Database: " + database.description());
		return database;
	}

	/**
	 * Checks the database given explicitly, if any, as start-up would (creating it when
	 * missing), without starting anything: the tests' way to say in one sentence that
	 * {@code TEST_DATASOURCE_URL} does not answer.
	 * @throws DatabaseUnavailableException when it does not answer or refuses
	 */
	public static void checkGiven(DatabaseSettings settings) {
		if (settings.explicitUrl() != null) {
			ensure(settings.explicitUrl(), settings.username(), settings.password(), settings, true, "");
		}
	}

	/**
	 * Which source the settings lead to, given what answers on this machine; nothing is
	 * started here.
	 */
	Choice choose(DatabaseSettings settings) {
		if (settings.explicitUrl() != null) {
			return new Choice(Kind.GIVEN, null);
		}
		if (localServerAnswers.test(settings)) {
			return new Choice(Kind.LOCAL, null);
		}
		for (DatabaseServer server : servers.get()) {
			if (server.available(settings)) {
				return new Choice(Kind.STARTED, server);
			}
		}
		return new Choice(Kind.NONE, null);
	}

	enum Kind {

		GIVEN, LOCAL, STARTED, NONE

	}

	record Choice(Kind kind, DatabaseServer server) {
	}

	/** A database ready for the shop, and how it was found, for the log. */
	record Database(String url, String username, String password, String description) {
	}

	private static Database start(DatabaseServer server, DatabaseSettings settings) {
		Running running;
		try {
			running = server.start(settings);
		}
		catch (DatabaseUnavailableException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw DatabaseUnavailableException.notStarted(server.name(), ex, settings);
		}
		return ensure(running.serverUrl() + settings.database(), running.username(), running.password(), settings,
				false, running.description() + ", database " + settings.database());
	}

	/**
	 * Checks that PostgreSQL answers at the URL and creates the database when it does not
	 * exist yet, so that a fresh machine needs no manual {@code createdb}.
	 * @param given whether the URL was given explicitly, for the message when it does not
	 * answer
	 */
	static Database ensure(String url, String username, String password, DatabaseSettings settings, boolean given,
			String description) {
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches()) {
			return new Database(url, username, password, description); // another driver:
																		// used as given
		}
		String hostAndPort = matcher.group(1);
		String database = matcher.group(2);
		Properties credentials = new Properties();
		credentials.setProperty("user", username);
		credentials.setProperty("password", password);
		credentials.setProperty("connectTimeout", "5");
		String maintenanceUrl = "jdbc:postgresql://" + hostAndPort + "/postgres"
				+ (matcher.group(3) == null ? "" : matcher.group(3));
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials)) {
			createIfMissing(connection, database);
		}
		catch (SQLException ex) {
			throw DatabaseUnavailableException.of(hostAndPort, database, ex, settings, given);
		}
		return new Database(url, username, password, description);
	}

	private static void createIfMissing(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			try (ResultSet rows = query.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
		}
		try (Statement create = connection.createStatement()) {
			create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
		}
		catch (SQLException ex) {
			if (!ALREADY_EXISTS.equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	/** Whether something accepts connections on the local server's address. */
	private static boolean answers(DatabaseSettings settings) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(settings.localHost(), settings.localPort()), 1000);
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** A URL for the log: parameters may carry a password. */
	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query);
	}

}
