package it.rivendo.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import it.rivendo.shared.db.DatabaseBootstrap.Database;
import it.rivendo.shared.db.DatabaseBootstrap.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * The choice of the database, without one: given URL, then the local server, then a
 * server the shop starts (a container before the embedded one), else one sentence saying
 * what to set.
 */
class DatabaseBootstrapTests {

	private static final String CLOSED = "jdbc:postgresql://127.0.0.1:1/";

	final FakeServer container = new FakeServer("a container");

	final FakeServer embedded = new FakeServer("the embedded PostgreSQL");

	final Log log = mock(Log.class);

	boolean localAnswers;

	@Test
	void aGivenUrlIsUsedAsGivenEvenWhenALocalServerAnswers() {
		localAnswers = true;
		MockEnvironment environment = shop().withProperty("spring.datasource.url",
				"jdbc:fake://db.example.com/shop?password=secret");

		bootstrap().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:fake://db.example.com/shop?password=secret");
		assertThat(container.starts.get() + embedded.starts.get()).isZero();
		verify(log).info("Database: SPRING_DATASOURCE_URL jdbc:fake://db.example.com/shop");
	}

	@Test
	void aGivenUrlThatDoesNotAnswerStopsStartUpInsteadOfBeingReplaced() {
		localAnswers = true;
		DatabaseSettings settings = DatabaseSettings
			.from(shop().withProperty("SPRING_DATASOURCE_URL", CLOSED + "shop"));

		assertThatThrownBy(() -> bootstrap().database(settings))
			.isInstanceOfSatisfying(DatabaseUnavailableException.class, ex -> {
				FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription())
					.isEqualTo("Rivendo cannot reach PostgreSQL at 127.0.0.1:1, which SPRING_DATASOURCE_URL names.");
				assertThat(analysis.getAction()).isEqualTo("Start it, correct SPRING_DATASOURCE_URL, or unset"
						+ " SPRING_DATASOURCE_URL so that the shop uses the PostgreSQL on 127.0.0.1:5432 or starts its own.");
			});
		assertThat(container.starts.get() + embedded.starts.get()).isZero();
	}

	@Test
	void theTestsNameTheirOwnVariableAndIgnoreTheShops() {
		MockEnvironment tests = shop().withProperty("rivendo.database.url-variable", "TEST_DATASOURCE_URL")
			.withProperty("rivendo.database.name", "rivendo_test")
			.withProperty("rivendo.database.embedded-data", "")
			// the shop's database, which the tests would empty
			.withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/rivendo");
		DatabaseSettings withoutTheirs = DatabaseSettings.from(tests);
		assertThat(withoutTheirs.explicitUrl()).isNull();
		assertThat(withoutTheirs.localUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/rivendo_test");
		assertThat(withoutTheirs.embeddedData()).isNull();

		DatabaseSettings withTheirs = DatabaseSettings.from(tests.withProperty("TEST_DATASOURCE_URL", CLOSED + "x"));
		assertThatThrownBy(() -> bootstrap().database(withTheirs)).hasMessage(
				"Rivendo's tests cannot reach PostgreSQL at 127.0.0.1:1, which TEST_DATASOURCE_URL names. Start it,"
						+ " correct TEST_DATASOURCE_URL, or unset TEST_DATASOURCE_URL so that the tests use the"
						+ " PostgreSQL on 127.0.0.1:5432 or start their own.");
	}

	@Test
	void aServerAnsweringOnTheLocalPortComesNext() {
		localAnswers = true;
		assertThat(bootstrap().choose(DatabaseSettings.from(shop())).kind()).isEqualTo(Kind.LOCAL);
	}

	@Test
	void withoutOneTheFirstServerThatCanStartHereStarts() {
		DatabaseSettings settings = DatabaseSettings.from(shop());
		assertThat(bootstrap().choose(settings).server()).isSameAs(container);

		container.available = false; // no Docker
		MockEnvironment environment = shop();
		bootstrap().postProcessEnvironment(environment, new SpringApplication());

		assertThat(embedded.starts).hasValue(1);
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:fake://the embedded PostgreSQL/rivendo");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("fake");
		verify(log).info("Database: the embedded PostgreSQL, database rivendo");
	}

	@Test
	void aStartedServerServesEveryApplicationWithTheSameSettings() {
		container.available = false;
		String data = "/tmp/rivendo-" + System.nanoTime(); // settings of their own: the
															// choice is kept per JVM
		DatabaseSettings settings = DatabaseSettings.from(shop().withProperty("rivendo.database.embedded-data", data));

		Database first = bootstrap().database(settings);
		Database second = bootstrap()
			.database(DatabaseSettings.from(shop().withProperty("rivendo.database.embedded-data", data)));

		assertThat(second).isEqualTo(first);
		assertThat(embedded.starts).hasValue(1);
		assertThat(settings.embeddedData()).isEqualTo(Path.of(data));
	}

	@Test
	void noServerAnywhereIsOneSentenceSayingWhatToSet() {
		container.available = false;
		embedded.available = false; // the packaged jar

		assertThatThrownBy(() -> bootstrap().database(DatabaseSettings.from(shop())))
			.isInstanceOfSatisfying(DatabaseUnavailableException.class, ex -> {
				FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).isEqualTo("Rivendo found no PostgreSQL: SPRING_DATASOURCE_URL"
						+ " is not set, nothing answers on 127.0.0.1:5432, and this build has no embedded PostgreSQL.");
				assertThat(analysis.getAction()).startsWith("Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://");
			});
	}

	@Test
	void aServerThatFailsToStartIsOneSentenceToo() {
		container.available = false;
		embedded.failure = new IllegalStateException("initdb failed");

		assertThatThrownBy(() -> bootstrap().database(DatabaseSettings.from(shop())))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessageStartingWith(
					"Rivendo could not start the embedded PostgreSQL: initdb failed. Set SPRING_DATASOURCE_URL");
	}

	@Test
	void switchedOffItLeavesTheEnvironmentAlone() {
		MockEnvironment environment = shop().withProperty("rivendo.database.bootstrap", "false");
		bootstrap().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isNull();
		assertThat(container.starts.get() + embedded.starts.get()).isZero();
	}

	private DatabaseBootstrap bootstrap() {
		return new DatabaseBootstrap(log, () -> List.of(container, embedded), settings -> localAnswers);
	}

	/**
	 * The shop's settings of application.yml, with a data folder of the test's own (the
	 * choice is kept per JVM).
	 */
	private static MockEnvironment shop() {
		return new MockEnvironment().withProperty("rivendo.database.url-variable", "SPRING_DATASOURCE_URL")
			.withProperty("rivendo.database.name", "rivendo")
			.withProperty("rivendo.database.local-server", "127.0.0.1:5432")
			.withProperty("rivendo.database.embedded-data", "/tmp/rivendo-tests-" + System.nanoTime());
	}

	/**
	 * A server that "starts" at a URL of a driver that is not PostgreSQL, which is then
	 * used as it is.
	 */
	static final class FakeServer implements DatabaseServer {

		final String name;

		final AtomicInteger starts = new AtomicInteger();

		boolean available = true;

		RuntimeException failure;

		FakeServer(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public boolean available(DatabaseSettings settings) {
			return available;
		}

		@Override
		public Running start(DatabaseSettings settings) {
			if (failure != null) {
				throw failure;
			}
			starts.incrementAndGet();
			return new Running("jdbc:fake://" + name + "/", "fake", "", name);
		}

	}

}
