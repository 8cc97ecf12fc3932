package it.rivendo.api;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.api.ApiClient.Answer;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestDatabaseCheck;
import it.rivendo.support.TestShop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every endpoint of the partner API × every kind of key (none, revoked, {@code read},
 * {@code read_write}) × the caller's own ids and another reseller's: 401 without a key
 * that opens something, 403 when a read key writes, 404 for another reseller's order or
 * service, the answer otherwise; and what a 2xx gives is the caller's own. The expected
 * status of each of the cells is worked out from these rules, and every cell that differs
 * is listed at once.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestShop.class, MutableClock.class })
@ExtendWith(CleanDatabaseExtension.class)
class ApiAccessMatrixIT {

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	/** The ids an endpoint's path is filled with: the caller's, or another reseller's. */
	record Ids(String order, long service) {
	}

	/**
	 * An endpoint: its method, its path from the ids, whether it names one thing (so
	 * another reseller's is 404), its success status and body.
	 */
	record Endpoint(String method, String template, Function<Ids, String> path, boolean namesOne, int success,
			String body) {

		boolean writes() {
			return method.equals("POST");
		}

	}

	static final String ORDER = OrdersApiIT.ORDER;

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("GET", "/api/v1/catalog", ids -> "/api/v1/catalog", false, 200, null),
			new Endpoint("GET", "/api/v1/balance", ids -> "/api/v1/balance", false, 200, null),
			new Endpoint("GET", "/api/v1/ledger", ids -> "/api/v1/ledger", false, 200, null),
			new Endpoint("GET", "/api/v1/orders", ids -> "/api/v1/orders", false, 200, null),
			new Endpoint("GET", "/api/v1/orders/{number}", ids -> "/api/v1/orders/" + ids.order(), true, 200, null),
			new Endpoint("GET", "/api/v1/orders/{number}/invoice.pdf",
					ids -> "/api/v1/orders/" + ids.order() + "/invoice.pdf", true, 200, null),
			new Endpoint("GET", "/api/v1/orders/{number}/invoice.xml",
					ids -> "/api/v1/orders/" + ids.order() + "/invoice.xml", true, 200, null),
			new Endpoint("GET", "/api/v1/services", ids -> "/api/v1/services", false, 200, null),
			new Endpoint("GET", "/api/v1/services/{id}", ids -> "/api/v1/services/" + ids.service(), true, 200, null),
			new Endpoint("POST", "/api/v1/services/{id}/associate",
					ids -> "/api/v1/services/" + ids.service() + "/associate", true, 200,
					"{\"email\": \"cliente@test.it\"}"),
			new Endpoint("POST", "/api/v1/orders", ids -> "/api/v1/orders", false, 201, ORDER));

	@Test
	void everyEndpointByEveryKeyOnOwnAndAnotherResellersIds() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long reseller = shop.reseller("titolare@test.it", "BASE", "1000.00");
		long other = shop.reseller("altro@test.it", "BASE", "1000.00");
		String ownOrder = shop.buy(reseller, "REMOTA", SPID, 1);
		String otherOrder = shop.buy(other, "REMOTA", SPID, 1);
		Ids own = new Ids(ownOrder, ApiIT.serviceOf(jdbc, ownOrder));
		Ids others = new Ids(otherOrder, ApiIT.serviceOf(jdbc, otherOrder));

		NewApiKey revoked = keys.create(reseller, "Vecchia", ApiScope.READ_WRITE, "test");
		keys.revoke(reseller, revoked.id(), "test");
		Map<String, ApiClient> callers = new LinkedHashMap<>();
		callers.put("no key", new ApiClient(port, null));
		callers.put("revoked", new ApiClient(port, revoked.secret()));
		callers.put("read", new ApiClient(port, keys.create(reseller, "Lettura", ApiScope.READ, "test").secret()));
		callers.put("read_write",
				new ApiClient(port, keys.create(reseller, "Scrittura", ApiScope.READ_WRITE, "test").secret()));

		List<String> wrong = new ArrayList<>();
		int cells = 0;
		int idempotencyKeys = 0;
		for (Endpoint endpoint : ENDPOINTS) {
			for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
				for (boolean ownIds : endpoint.namesOne() ? List.of(true, false) : List.of(true)) {
					int expected = expected(endpoint, caller.getKey(), ownIds);
					String path = endpoint.path().apply(ownIds ? own : others);
					Answer answer = endpoint.writes()
							? caller.getValue()
								.post(path, endpoint.body(), "Idempotency-Key", "matrix-" + (++idempotencyKeys))
							: caller.getValue().get(path);
					cells++;
					String cell = endpoint.method() + " " + endpoint.template() + " × " + caller.getKey() + " × "
							+ (ownIds ? "own" : "another reseller's");
					if (answer.status() != expected) {
						wrong.add(cell + ": " + answer.status() + " instead of " + expected + " " + answer.body());
					}
					else if (expected >= 400 && !answer.contentType().startsWith("application/problem+json")) {
						wrong.add(cell + ": not a problem, " + answer.contentType());
					}
					else if (expected < 300 && answer.contentType().startsWith("application/json")
							&& (answer.body().contains(otherOrder) || answer.body().contains("altro@test.it"))) {
						wrong.add(cell + ": shows another reseller's data " + answer.body());
					}
				}
			}
		}
		assertThat(wrong).as("cells answered wrongly").isEmpty();
		// 11 endpoints, 4 callers, 5 that name one thing twice
		assertThat(cells).isEqualTo((11 + 5) * 4);

		// what the 2xx cells did, and only those: one association and one order
		assertThat(jdbc.sql("select customer_email from purchased_service where id = ?")
			.param(own.service())
			.query(String.class)
			.single()).isEqualTo("cliente@test.it");
		assertThat(jdbc.sql("select count(*) from purchased_service where customer_email is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from purchase_order where reseller_id = ?")
			.param(reseller)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from purchase_order where reseller_id = ?")
			.param(other)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The status a cell must answer, from the rules, in the order the shop applies them.
	 */
	private static int expected(Endpoint endpoint, String caller, boolean ownIds) {
		if (caller.equals("no key") || caller.equals("revoked")) {
			return 401;
		}
		if (endpoint.writes() && caller.equals("read")) {
			return 403;
		}
		if (!ownIds) {
			return 404;
		}
		return endpoint.success();
	}

}
