package it.rivendo.support;

import it.rivendo.shared.db.DatabaseBootstrap;
import it.rivendo.shared.db.DatabaseSettings;
import it.rivendo.shared.db.DatabaseUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * When {@code TEST_DATASOURCE_URL} names a server that does not answer, the first test
 * class that needs the database fails with one sentence saying so, and the others are
 * skipped: instead of a failed application context per class, each with hundreds of lines
 * of stack. Checked once per test JVM, before the first such class starts Spring.
 */
public class TestDatabaseCheck implements ExecutionCondition, BeforeAllCallback {

	private static DatabaseUnavailableException failure;

	private static boolean checked;

	private static boolean reported;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		synchronized (TestDatabaseCheck.class) {
			return reported
					? ConditionEvaluationResult.disabled("The test database is not usable: see the first failure.")
					: ConditionEvaluationResult.enabled("The test database was not found unusable.");
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		synchronized (TestDatabaseCheck.class) {
			if (!checked) {
				checked = true;
				try {
					DatabaseBootstrap.checkGiven(DatabaseSettings.from(testEnvironment()));
				}
				catch (DatabaseUnavailableException ex) {
					failure = ex;
				}
			}
			if (failure != null && !reported) {
				reported = true;
				throw new TestDatabaseUnavailable(failure.getMessage());
			}
		}
	}

	/**
	 * The system's variables and properties over application-test.yml over
	 * application.yml, as in the tests.
	 */
	private static StandardEnvironment testEnvironment() {
		StandardEnvironment environment = new StandardEnvironment();
		for (String file : List.of("application-test.yml", "application.yml")) {
			try {
				new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
					.forEach(environment.getPropertySources()::addLast);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return environment;
	}

	/** The one sentence, without a stack trace: where it was thrown says nothing. */
	static final class TestDatabaseUnavailable extends RuntimeException {

		TestDatabaseUnavailable(String sentence) {
			super(sentence, null, false, false);
		}

		@Override
		public String toString() {
			return getMessage();
		}

	}

}
