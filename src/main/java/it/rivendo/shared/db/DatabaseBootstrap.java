package it.rivendo.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything touches the database: checks that PostgreSQL answers, and creates the shop's database
 * when it does not exist yet, so that a fresh machine needs no manual {@code createdb}.
 * Switched off with {@code rivendo.database.create-if-missing=false}.
 */
public class DatabaseBootstrap implements EnvironmentPostProcessor {

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)(\\?.*)?");
	private static final String UNREACHABLE = "08001";
	private static final String ALREADY_EXISTS = "42P04";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !environment.getProperty("rivendo.database.create-if-missing", Boolean.class, true)) {
			return;
		}
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches()) {
			return;
		}
		String hostAndPort = matcher.group(1);
		String database = matcher.group(2);
		Properties credentials = new Properties();
		credentials.setProperty("user", environment.getProperty("spring.datasource.username", "postgres"));
		credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		credentials.setProperty("connectTimeout", "5");
		String maintenanceUrl = "jdbc:postgresql://" + hostAndPort + "/postgres";
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials)) {
			createIfMissing(connection, database);
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(hostAndPort, database, ex);
		}
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

	/** PostgreSQL did not answer, or refused the credentials, or the database could not be created. */
	public static class DatabaseUnavailableException extends RuntimeException {

		private final String hostAndPort;
		private final String database;

		DatabaseUnavailableException(String hostAndPort, String database, SQLException cause) {
			super("PostgreSQL at " + hostAndPort + " is not usable for database '" + database + "': "
					+ cause.getMessage(), cause);
			this.hostAndPort = hostAndPort;
			this.database = database;
		}

		public String hostAndPort() {
			return hostAndPort;
		}

		public String database() {
			return database;
		}

		public boolean unreachable() {
			return getCause() instanceof SQLException sql && UNREACHABLE.equals(sql.getSQLState());
		}
	}
}
