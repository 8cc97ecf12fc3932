package it.rivendo.api;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.api.ApiClient.Answer;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.PurchasedServices;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestDatabaseCheck;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The partner API over real HTTP: keys and scopes, the stateless chain (no cookie, no
 * session row), problem details for every error, and the read endpoints with their
 * amounts as strings and cursors; every endpoint refuses another reseller's ids with 404.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestShop.class, MutableClock.class, ActivatedServices.class })
@ExtendWith(CleanDatabaseExtension.class)
class ApiIT {

	static final String PROBLEM = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PurchasedServices services;

	@Autowired
	ActivatedServices activated;

	@Autowired
	MutableClock clock;

	long reseller;

	long other;

	ApiClient read;

	ApiClient write;

	ApiClient otherWrite;

	@BeforeEach
	void setUp() {
		clock.reset();
		shop.tier("BASE", "0").tier("GOLD", "20").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00", CIE, "45.00");
		reseller = shop.reseller("titolare@test.it", "GOLD", "500.00");
		other = shop.reseller("altro@test.it", "BASE", "500.00");
		read = new ApiClient(port, keys.create(reseller, "Gestionale", ApiScope.READ, "test").secret());
		write = new ApiClient(port, keys.create(reseller, "Ordini", ApiScope.READ_WRITE, "test").secret());
		otherWrite = new ApiClient(port, keys.create(other, "Altro", ApiScope.READ_WRITE, "test").secret());
	}

	@Test
	void withoutAKeyOrWithAWrongOrRevokedKeyEveryEndpointAnswers401AsAProblem() {
		NewApiKey revoked = keys.create(reseller, "Vecchia", ApiScope.READ_WRITE, "test");
		keys.revoke(reseller, revoked.id(), "test");
		for (ApiClient client : List.of(new ApiClient(port, null), read.withKey("rvk_live_" + "x".repeat(43)),
				read.withKey("not-a-key"), read.withKey(revoked.secret()))) {
			for (String path : List.of("/api/v1/catalog", "/api/v1/balance", "/api/v1/ledger", "/api/v1/orders",
					"/api/v1/orders/2026-000001", "/api/v1/services", "/api/v1/services/1", "/api/v1/nothing")) {
				Answer answer = client.get(path);
				assertThat(answer.status()).as(path).isEqualTo(401);
				assertThat(answer.contentType()).startsWith(PROBLEM);
				assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=");
				assertThat(answer.json().get("status").asInt()).isEqualTo(401);
				assertThat(answer.json().get("type").asString()).startsWith("https://rivendo.it/api/problems/");
				assertThat(answer.json().get("title").asString()).isNotBlank();
				assertThat(answer.json().get("detail").asString()).isNotBlank();
			}
			assertThat(client.post("/api/v1/services/1/associate", "{\"email\":\"a@b.it\"}").status()).isEqualTo(401);
		}
	}

	@Test
	void theApiIsStatelessNoCookieNoSessionAndNoCsrf() {
		long sessions = sessionRows();
		Answer catalog = write.get("/api/v1/catalog");
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.headers("Set-Cookie")).isEmpty();
		long service = serviceOf(jdbc, shop.buy(reseller, "REMOTA", SPID, 1));
		// a POST without any CSRF token, as software sends it
		Answer associated = write.post("/api/v1/services/" + service + "/associate", "{\"email\":\"cliente@test.it\"}");
		assertThat(associated.status()).isEqualTo(200);
		assertThat(associated.headers("Set-Cookie")).isEmpty();
		assertThat(new ApiClient(port, null).get("/api/v1/balance").headers("Set-Cookie")).isEmpty();
		assertThat(sessionRows()).isEqualTo(sessions);
		// a session cookie sent along opens nothing
		assertThat(new ApiClient(port, null).get("/api/v1/balance", "Cookie", "SESSION=abc").status()).isEqualTo(401);
	}

	@Test
	void theCatalogGivesListPriceDiscountAndTheResellersPriceAsStrings() {
		JsonNode products = read.get("/api/v1/catalog").json().get("products");
		assertThat(products).hasSize(1);
		JsonNode product = products.get(0);
		assertThat(product.get("code").asString()).isEqualTo("REMOTA");
		assertThat(product.get("name").get("it").asString()).isEqualTo("Prodotto REMOTA");
		JsonNode spid = find(product.get("modes"), "mode", "SPID");
		assertThat(spid.get("list_price").isString()).isTrue();
		assertThat(spid.get("list_price").asString()).isEqualTo("39.00");
		assertThat(spid.get("discount_percent").asString()).isEqualTo("20.00");
		assertThat(spid.get("price").asString()).isEqualTo("31.20");
		assertThat(spid.get("vat_rate").asString()).isEqualTo("22.00");
		assertThat(otherWrite.get("/api/v1/catalog")
			.json()
			.get("products")
			.get(0)
			.get("modes")
			.get(0)
			.get("price")
			.asString()).isEqualTo("39.00");
	}

	@Test
	void balanceAndLedgerPageWithAnOpaqueCursorAndAreTheResellersOwn() {
		for (int i = 0; i < 3; i++) {
			shop.buy(reseller, "REMOTA", SPID, 1);
		}
		assertThat(read.get("/api/v1/balance").json().get("balance").asString()).isEqualTo("385.82");
		assertThat(otherWrite.get("/api/v1/balance").json().get("balance").asString()).isEqualTo("500.00");

		List<String> amounts = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode slice = read.get("/api/v1/ledger?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			slice.get("data").forEach(entry -> amounts.add(entry.get("amount").asString()));
			cursor = slice.get("next_cursor").isNull() ? null : slice.get("next_cursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(2);
		assertThat(amounts).containsExactly("-38.06", "-38.06", "-38.06", "500.00");
		assertThat(otherWrite.get("/api/v1/ledger").json().get("data")).hasSize(1);

		String today = java.time.LocalDate.now(clock.withZone(it.rivendo.shared.Formats.SHOP_ZONE)).toString();
		assertThat(read.get("/api/v1/ledger?from=" + today + "&to=" + today).json().get("data")).hasSize(4);
		assertThat(read.get("/api/v1/ledger?to=2020-01-01").json().get("data")).isEmpty();

		assertBadParameter(read.get("/api/v1/ledger?cursor=nonsense"), "cursor");
		assertBadParameter(read.get("/api/v1/ledger?limit=101"), "limit");
		assertBadParameter(read.get("/api/v1/ledger?from=30-11-2026"), "from");
	}

	@Test
	void ordersAndTheirInvoicesAreTheResellersOwnAnotherResellersAre404() {
		String number = shop.buy(reseller, "REMOTA", SPID, 2);
		String others = shop.buy(other, "REMOTA", SPID, 1);

		JsonNode list = read.get("/api/v1/orders").json();
		assertThat(list.get("data")).hasSize(1);
		assertThat(list.get("data").get(0).get("number").asString()).isEqualTo(number);
		assertThat(list.get("data").get(0).get("total").asString()).isEqualTo("76.13");

		JsonNode order = read.get("/api/v1/orders/" + number).json();
		assertThat(order.get("totals").get("taxable").asString()).isEqualTo("62.40");
		assertThat(order.get("totals").get("vat").asString()).isEqualTo("13.73");
		assertThat(order.get("lines").get(0).get("unit_price").asString()).isEqualTo("31.20");
		assertThat(order.get("billing").get("vat_number").asString()).isEqualTo("01114601006");
		assertThat(order.get("documents").get("invoice_pdf").asString())
			.isEqualTo("/api/v1/orders/" + number + "/invoice.pdf");

		Answer pdf = read.get("/api/v1/orders/" + number + "/invoice.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		Answer xml = read.get("/api/v1/orders/" + number + "/invoice.xml");
		assertThat(xml.status()).isEqualTo(200);
		assertThat(xml.body()).contains("FatturaElettronica").contains("01114601006");

		for (String path : List.of("/api/v1/orders/" + others, "/api/v1/orders/" + others + "/invoice.pdf",
				"/api/v1/orders/" + others + "/invoice.xml", "/api/v1/orders/2099-999999")) {
			assertNotFound(read.get(path));
		}
	}

	@Test
	void servicesFilterByStatusAndExpiryAndAssociateWithThePagesRules() {
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		String number = shop.buy(reseller, "REMOTA", SPID, 3);
		List<Long> ids = serviceIds(number);
		long others = serviceOf(jdbc, shop.buy(other, "REMOTA", SPID, 1));
		activated.activate(reseller, ids.get(0), "attivo@test.it", ActivatedServices.MARIO);

		JsonNode all = read.get("/api/v1/services?limit=2").json();
		assertThat(all.get("data")).hasSize(2);
		assertThat(all.get("next_cursor").isNull()).isFalse();
		JsonNode rest = read.get("/api/v1/services?limit=2&cursor=" + all.get("next_cursor").asString()).json();
		assertThat(rest.get("data")).hasSize(1);
		assertThat(rest.get("next_cursor").isNull()).isTrue();

		JsonNode active = read.get("/api/v1/services?status=active").json().get("data");
		assertThat(active).hasSize(1);
		assertThat(active.get(0).get("id").asLong()).isEqualTo(ids.get(0));
		assertThat(active.get(0).get("price_paid").asString()).isEqualTo("31.20");
		assertThat(active.get(0).get("valid_until").isNull()).isFalse();
		assertThat(read.get("/api/v1/services?status=not_associated").json().get("data")).hasSize(2);
		assertThat(read.get("/api/v1/services?expiring_within_days=30").json().get("data")).isEmpty();
		assertBadParameter(read.get("/api/v1/services?status=sleeping"), "status");
		assertBadParameter(read.get("/api/v1/services?expiring_within_days=-1"), "expiring_within_days");
		assertBadParameter(read.get("/api/v1/services?expiring_within_days=soon"), "expiring_within_days");

		assertThat(read.get("/api/v1/services/" + ids.get(1)).json().get("status").asString())
			.isEqualTo("not_associated");
		Answer associated = write.post("/api/v1/services/" + ids.get(1) + "/associate",
				"{\"email\":\"Cliente@Test.it\",\"name\":\"Cliente\"}");
		assertThat(associated.status()).isEqualTo(200);
		assertThat(associated.json().get("status").asString()).isEqualTo("associated");
		assertThat(associated.json().get("customer_email").asString()).isEqualTo("cliente@test.it");

		Answer invalid = write.post("/api/v1/services/" + ids.get(2) + "/associate", "{\"email\":\"not-an-email\"}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.contentType()).startsWith(PROBLEM);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(invalid.json().get("errors").get(0).get("message").asString()).isNotBlank();

		Answer malformed = write.post("/api/v1/services/" + ids.get(2) + "/associate", "{\"email\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith(PROBLEM);

		Answer refused = write.post("/api/v1/services/" + ids.get(0) + "/associate", "{\"email\":\"x@test.it\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith(PROBLEM);
		assertThat(refused.json().get("detail").asString()).isNotBlank();

		assertNotFound(read.get("/api/v1/services/" + others));
		assertNotFound(write.post("/api/v1/services/" + others + "/associate", "{\"email\":\"x@test.it\"}"));
		assertThat(services.view(other, others).customerEmail()).isNull();

		clock.advance(Duration.ofDays(340));
		JsonNode expiring = read.get("/api/v1/services?expiring_within_days=30").json().get("data");
		assertThat(expiring).hasSize(1);
		assertThat(expiring.get(0).get("id").asLong()).isEqualTo(ids.get(0));
	}

	@Test
	void aReadOnlyKeyCannotWrite() {
		long service = serviceOf(jdbc, shop.buy(reseller, "REMOTA", SPID, 1));
		Answer answer = read.post("/api/v1/services/" + service + "/associate", "{\"email\":\"cliente@test.it\"}");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.contentType()).startsWith(PROBLEM);
		assertThat(answer.json().get("type").asString()).endsWith("/read-only-key");
		assertThat(services.view(reseller, service).customerEmail()).isNull();
	}

	@Test
	void unknownPathsAndMethodsAreProblemsNeverHtmlAndEnglishOnRequest() {
		Answer unknown = read.get("/api/v1/nothing-here");
		assertNotFound(unknown);
		assertThat(unknown.json().get("title").asString()).isEqualTo("Non trovato");
		assertThat(read.get("/api/v1/nothing-here", "Accept-Language", "en-GB,en;q=0.9").json().get("title").asString())
			.isEqualTo("Not found");
		assertNotFound(read.get("/api/v1/services/not-a-number"));
	}

	@Test
	void lastUsedIsNotedAtMostOnceAMinute() {
		assertThat(keys.list(reseller)).allSatisfy(key -> assertThat(key.lastUsedAt()).isNull());
		read.get("/api/v1/balance");
		java.time.Instant first = lastUsed("Gestionale");
		assertThat(first).isNotNull();
		clock.advance(Duration.ofSeconds(30));
		read.get("/api/v1/balance");
		assertThat(lastUsed("Gestionale")).isEqualTo(first);
		clock.advance(Duration.ofSeconds(31));
		read.get("/api/v1/balance");
		assertThat(lastUsed("Gestionale")).isAfter(first);
	}

	private java.time.Instant lastUsed(String name) {
		return keys.list(reseller)
			.stream()
			.filter(key -> key.name().equals(name))
			.findFirst()
			.orElseThrow()
			.lastUsedAt();
	}

	/** The first service an order bought. */
	static long serviceOf(JdbcClient jdbc, String orderNumber) {
		return jdbc.sql("select id from purchased_service where order_number = ? order by id limit 1")
			.param(orderNumber)
			.query(Long.class)
			.single();
	}

	private List<Long> serviceIds(String orderNumber) {
		return jdbc.sql("select id from purchased_service where order_number = ? order by id")
			.param(orderNumber)
			.query(Long.class)
			.list();
	}

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.get(field).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError(value + " not in " + array);
	}

	static void assertNotFound(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith(PROBLEM);
		assertThat(answer.json().get("type").asString()).endsWith("/not-found");
	}

	static void assertBadParameter(Answer answer, String field) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(PROBLEM);
		assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

}
