package it.rivendo.shared.db;

import it.rivendo.shared.db.DatabaseBootstrap.DatabaseUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable database into one clear sentence and what to do, instead of a stack trace. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
		String description = cause.unreachable()
				? "Rivendo cannot reach PostgreSQL at " + cause.hostAndPort() + "."
				: "Rivendo cannot use database '" + cause.database() + "' on PostgreSQL at " + cause.hostAndPort()
						+ ": " + cause.getCause().getMessage();
		String action = "Start PostgreSQL on " + cause.hostAndPort()
				+ " (e.g. 'sudo service postgresql start' or 'docker compose up -d postgres'), or point the shop at"
				+ " another server with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and"
				+ " SPRING_DATASOURCE_PASSWORD.";
		return new FailureAnalysis(description, action, cause);
	}
}
