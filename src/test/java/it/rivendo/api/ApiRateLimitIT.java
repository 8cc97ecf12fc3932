package it.rivendo.api;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.api.ApiClient.Answer;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.MutableClock;
import it.rivendo.support.SecondInstance;
import it.rivendo.support.TestDatabaseCheck;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rate limit per API key ({@code rivendo.api.rate-limit.per-minute}, 5 here): the
 * {@code RateLimit-*} headers on every answer to a key, 429 with {@code Retry-After} past
 * the limit and nothing done, a new minute of the shop's clock opens it again, each key
 * counts apart, and two instances on one database share the count, also when requests
 * race.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiRateLimitIT.LIMIT_PROPERTY)
@ActiveProfiles("test")
@Import({ TestShop.class, MutableClock.class })
@ExtendWith(CleanDatabaseExtension.class)
class ApiRateLimitIT {

	static final String LIMIT_PROPERTY = "rivendo.api.rate-limit.per-minute=5";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RateLimits limits;

	long reseller;

	NewApiKey key;

	ApiClient api;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("titolare@test.it", "BASE", "500.00");
		key = keys.create(reseller, "Gestionale", ApiScope.READ_WRITE, "test");
		api = new ApiClient(port, key.secret());
		// ten seconds into a minute of the shop's clock: 50 seconds left in this one
		Instant now = clock.instant();
		clock.advance(
				Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))).plusSeconds(10));
	}

	@Test
	void fiveAMinuteThenA429ProblemWithRetryAfterAndTheNextMinuteOpensAgain() {
		for (int remaining = 4; remaining >= 0; remaining--) {
			Answer balance = api.get("/api/v1/balance");
			assertThat(balance.status()).isEqualTo(200);
			assertThat(balance.header("RateLimit-Limit")).isEqualTo("5");
			assertThat(balance.header("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
			assertThat(Long.parseLong(balance.header("RateLimit-Reset"))).isBetween(40L, 50L);
		}

		Answer refused = api.get("/api/v1/balance", "Accept-Language", "en");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		long retryAfter = Long.parseLong(refused.header("Retry-After"));
		assertThat(retryAfter).isBetween(40L, 50L).isEqualTo(Long.parseLong(refused.header("RateLimit-Reset")));
		assertThat(refused.json().get("status").asInt()).isEqualTo(429);
		assertThat(refused.json().get("type").asString()).isEqualTo("https://rivendo.it/api/problems/rate-limited");
		assertThat(refused.json().get("title").asString()).isEqualTo("Too many requests");
		assertThat(refused.json().get("detail").asString()).isEqualTo(
				"This key has gone over its limit of 5 requests a minute: try again in " + retryAfter + " seconds.");
		assertThat(api.get("/api/v1/balance").json().get("detail").asString())
			.startsWith("Questa chiave ha superato il limite di 5 richieste al minuto");

		// refused, so not done: the service stays unassociated
		long service = ApiIT.serviceOf(jdbc, shop.buy(reseller, "REMOTA", SPID, 1));
		Answer associate = api.post("/api/v1/services/" + service + "/associate", "{\"email\":\"cliente@test.it\"}");
		assertThat(associate.status()).isEqualTo(429);
		assertThat(customerEmailOf(service)).isNull();
		// a refused request adds nothing to the count
		assertThat(usedThisMinute()).isEqualTo(5);

		clock.advance(Duration.ofSeconds(50));
		Answer nextMinute = api.post("/api/v1/services/" + service + "/associate", "{\"email\":\"cliente@test.it\"}");
		assertThat(nextMinute.status()).as(nextMinute.body()).isEqualTo(200);
		assertThat(nextMinute.header("RateLimit-Remaining")).isEqualTo("4");
		assertThat(Long.parseLong(nextMinute.header("RateLimit-Reset"))).isBetween(50L, 60L);
		assertThat(customerEmailOf(service)).isEqualTo("cliente@test.it");
	}

	@Test
	void everyAnswerToAKeyCarriesTheHeadersAndEachKeyCountsApart() {
		NewApiKey readOnly = keys.create(reseller, "Sola lettura", ApiScope.READ, "test");
		ApiClient read = api.withKey(readOnly.secret());
		Answer forbidden = read.post("/api/v1/services/1/associate", "{\"email\":\"cliente@test.it\"}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.header("RateLimit-Remaining")).isEqualTo("4");
		Answer notFound = read.get("/api/v1/orders/2026-999999");
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.header("RateLimit-Remaining")).isEqualTo("3");
		for (int i = 0; i < 3; i++) {
			read.get("/api/v1/catalog");
		}
		assertThat(read.get("/api/v1/catalog").status()).isEqualTo(429);

		// the other key of the same reseller has its own five
		Answer other = api.get("/api/v1/catalog");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.header("RateLimit-Remaining")).isEqualTo("4");

		// without a key there is no key to count: a 401 without the headers
		Answer anonymous = new ApiClient(port, null).get("/api/v1/catalog");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("RateLimit-Limit")).isNull();
	}

	@Test
	void twoInstancesShareTheCountAlsoWhenRequestsRace() throws Exception {
		try (ConfigurableApplicationContext second = SecondInstance.start(clock, LIMIT_PROPERTY)) {
			ApiClient b = new ApiClient(SecondInstance.port(second), key.secret());
			assertThat(api.get("/api/v1/balance").header("RateLimit-Remaining")).isEqualTo("4");
			assertThat(b.get("/api/v1/balance").header("RateLimit-Remaining")).isEqualTo("3");
			assertThat(api.get("/api/v1/balance").header("RateLimit-Remaining")).isEqualTo("2");
			assertThat(b.get("/api/v1/balance").header("RateLimit-Remaining")).isEqualTo("1");
			assertThat(b.get("/api/v1/balance").header("RateLimit-Remaining")).isEqualTo("0");
			assertThat(api.get("/api/v1/balance").status()).isEqualTo(429);
			assertThat(b.get("/api/v1/balance").status()).isEqualTo(429);

			// the next minute, 20 requests at once, 10 on each instance: exactly 5 get
			// through
			clock.advance(Duration.ofMinutes(1));
			List<Callable<Integer>> twins = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ApiClient client = i % 2 == 0 ? api : b;
				twins.add(() -> client.get("/api/v1/balance").status());
			}
			ExecutorService pool = Executors.newFixedThreadPool(20);
			List<Integer> statuses = new ArrayList<>();
			try {
				for (Future<Integer> status : pool.invokeAll(twins)) {
					statuses.add(status.get());
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
			assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
			assertThat(usedThisMinute()).isEqualTo(5);
		}
	}

	@Test
	void theHourlyCleanUpForgetsMinutesOlderThanAnHour() {
		api.get("/api/v1/balance");
		clock.advance(Duration.ofMinutes(59));
		api.get("/api/v1/balance");
		assertThat(limits.forgetOld()).isZero();
		assertThat(jdbc.sql("select count(*) from api_rate_window").query(Long.class).single()).isEqualTo(2);

		clock.advance(Duration.ofMinutes(2));
		assertThat(limits.forgetOld()).isEqualTo(1);
		// the minute of 2 minutes ago is kept
		assertThat(jdbc.sql("select window_start from api_rate_window")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(clock.instant().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES));
	}

	private int usedThisMinute() {
		return jdbc.sql("select used from api_rate_window where key_id = ? and window_start = ?")
			.params(key.id(), java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MINUTES)))
			.query(Integer.class)
			.single();
	}

	private String customerEmailOf(long service) {
		return jdbc.sql("select customer_email from purchased_service where id = ?")
			.param(service)
			.query((row, i) -> row.getString(1))
			.list()
			.get(0);
	}

}
