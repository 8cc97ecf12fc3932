package it.rivendo.api;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.api.ApiClient.Answer;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.shared.Money;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.MutableClock;
import it.rivendo.support.Race;
import it.rivendo.support.TestDatabaseCheck;
import it.rivendo.support.TestShop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
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
 * {@code POST /api/v1/orders} over real HTTP: paid from the credit at once with the
 * checkout's rules, once per Idempotency-Key (replayed, 422 for another body, 409 while
 * the first runs), 402 with what is missing, and 20 identical requests at once making one
 * order and one debit.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestShop.class, MutableClock.class })
@ExtendWith(CleanDatabaseExtension.class)
class OrdersApiIT {

	static final String ORDER = """
			{"lines": [{"product_code": "REMOTA", "mode": "SPID", "quantity": 2}],
			 "billing": {"customer_type": "company", "company_name": "Studio Rossi S.r.l.",
			             "vat_number": "01114601006", "street": "Via del Corso 12", "postal_code": "00186",
			             "city": "Roma", "province": "RM", "country": "IT", "sdi_code": "M5UXCR1"}}""";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CreditLedger credit;

	@Autowired
	DataSource dataSource;

	long reseller;

	NewApiKey writeKey;

	ApiClient write;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("GOLD", "20").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("titolare@test.it", "GOLD", "100.00");
		writeKey = keys.create(reseller, "Ordini", ApiScope.READ_WRITE, "test");
		write = new ApiClient(port, writeKey.secret());
	}

	@Test
	void anOrderIsPaidFromTheCreditAtOnceAndTheSameKeyReplaysTheFirstAnswer() {
		Answer placed = write.post("/api/v1/orders", ORDER, "Idempotency-Key", "ordine-1");
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		JsonNode order = placed.json();
		String number = order.get("number").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + number);
		assertThat(order.get("totals").get("total").asString()).isEqualTo("76.13");
		assertThat(order.get("lines").get(0).get("unit_price").asString()).isEqualTo("31.20");
		assertThat(order.get("billing").get("sdi_code").asString()).isEqualTo("M5UXCR1");
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("23.87"));
		assertThat(jdbc.sql("select created_by from credit_entry where reference = ?")
			.param(number)
			.query(String.class)
			.single()).isEqualTo("api:" + writeKey.prefix());
		assertThat(write.get("/api/v1/orders/" + number + "/invoice.pdf").status()).isEqualTo(200);

		Answer again = write.post("/api/v1/orders", ORDER, "Idempotency-Key", "ordine-1");
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body()).isEqualTo(placed.body());
		// the same content written otherwise is the same request
		assertThat(
				write.post("/api/v1/orders", ORDER.replace("\n", " ").replace("  ", " "), "Idempotency-Key", "ordine-1")
					.status())
			.isEqualTo(201);
		assertThat(orders()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("23.87"));

		Answer other = write.post("/api/v1/orders", ORDER.replace("\"quantity\": 2", "\"quantity\": 1"),
				"Idempotency-Key", "ordine-1");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith(ApiIT.PROBLEM);
		assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
		assertThat(orders()).isEqualTo(1);

		Answer missing = write.post("/api/v1/orders", ORDER);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void invalidOrdersAreRefusedFieldByFieldWithTheCheckoutsRulesAndChargeNothing() {
		Answer invalid = write.post("/api/v1/orders", """
				{"lines": [{"product_code": "NOPE", "mode": "SPID", "quantity": 1},
				           {"product_code": "REMOTA", "mode": "TELEPATHY", "quantity": 0}],
				 "billing": {"customer_type": "company", "company_name": "Studio Rossi S.r.l.",
				             "vat_number": "01114601007", "street": "Via del Corso 12", "postal_code": "0018",
				             "city": "Roma", "province": "RM", "country": "IT"}}""", "Idempotency-Key", "k-1");
		assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
		assertThat(invalid.contentType()).startsWith(ApiIT.PROBLEM);
		Set<String> fields = fields(invalid);
		assertThat(fields).contains("lines[0].product_code", "lines[1].mode", "lines[1].quantity", "billing.vat_number",
				"billing.postal_code", "billing.sdi_code");
		assertThat(invalid.json().get("errors").get(0).get("message").asString()).isNotBlank();

		Answer person = write.post("/api/v1/orders", """
				{"lines": [{"product_code": "REMOTA", "mode": "SPID", "quantity": 1}],
				 "billing": {"customer_type": "person", "first_name": "Mario", "last_name": "Rossi",
				             "tax_code": "RSSMRA85T10A562X", "street": "Via Roma 1", "postal_code": "00186",
				             "city": "Roma", "province": "RM"}}""", "Idempotency-Key", "k-2");
		assertThat(fields(person)).containsExactly("billing.tax_code");
		assertThat(write.post("/api/v1/orders", "{\"lines\": [", "Idempotency-Key", "k-3").status()).isEqualTo(400);
		assertThat(fields(write.post("/api/v1/orders", "{}", "Idempotency-Key", "k-4"))).containsExactly("lines",
				"billing");
		assertThat(orders()).isZero();
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("100.00"));

		// nothing of a refused request is kept: the same key with a right order places it
		assertThat(write.post("/api/v1/orders", ORDER, "Idempotency-Key", "k-1").status()).isEqualTo(201);
	}

	@Test
	void anOrderTheCreditDoesNotCoverAnswers402WithWhatIsMissingAndCanBeSentAgainAfterATopUp() {
		String big = ORDER.replace("\"quantity\": 2", "\"quantity\": 3");
		Answer refused = write.post("/api/v1/orders", big, "Idempotency-Key", "grande");
		assertThat(refused.status()).as(refused.body()).isEqualTo(402);
		assertThat(refused.contentType()).startsWith(ApiIT.PROBLEM);
		assertThat(refused.json().get("missing").asString()).isEqualTo("14.19");
		assertThat(refused.json().get("balance").asString()).isEqualTo("100.00");
		assertThat(refused.json().get("required").asString()).isEqualTo("114.19");
		assertThat(refused.json().get("detail").asString()).contains("14.19");
		assertThat(orders()).isZero();

		credit.credit(reseller, EntryKind.TOPUP, Money.of("50.00"), "TEST-2", "Ricarica", "test");
		assertThat(write.post("/api/v1/orders", big, "Idempotency-Key", "grande").status()).isEqualTo(201);
		assertThat(orders()).isEqualTo(1);
	}

	@Test
	void aTwinWhileTheFirstIsRunningAnswers409() throws Exception {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement lock = connection
					.prepareStatement("select pg_advisory_lock(hashtextextended(?, 18))")) {
			// what the first request holds while it runs
			lock.setString(1, "api-idempotency " + writeKey.id() + " gemello");
			lock.execute();
			Answer twin = write.post("/api/v1/orders", ORDER, "Idempotency-Key", "gemello");
			assertThat(twin.status()).as(twin.body()).isEqualTo(409);
			assertThat(twin.contentType()).startsWith(ApiIT.PROBLEM);
			assertThat(twin.json().get("type").asString()).endsWith("/idempotency-key-in-use");
			connection.createStatement().execute("select pg_advisory_unlock_all()");
		}
		assertThat(orders()).isZero();
		assertThat(write.post("/api/v1/orders", ORDER, "Idempotency-Key", "gemello").status()).isEqualTo(201);
	}

	@Test
	void twentyIdenticalOrdersAtOnceMakeOneOrderAndOneDebit() throws Exception {
		List<Answer> answers = Race.run(20, i -> write.post("/api/v1/orders", ORDER, "Idempotency-Key", "race"));
		assertThat(answers).extracting(Answer::status).containsOnly(201, 409).contains(201);
		Set<String> bodies = answers.stream()
			.filter(answer -> answer.status() == 201)
			.map(Answer::body)
			.collect(Collectors.toSet());
		assertThat(bodies).hasSize(1);
		assertThat(orders()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from credit_entry where reseller_id = ? and kind = 'PURCHASE'")
			.param(reseller)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("23.87"));
		// and afterwards the same key replays the order
		assertThat(write.post("/api/v1/orders", ORDER, "Idempotency-Key", "race").body()).isIn(bodies);
	}

	@Test
	void aReadOnlyKeyCannotOrderAndKeysDoNotShareIdempotencyKeys() {
		ApiClient read = new ApiClient(port, keys.create(reseller, "Lettura", ApiScope.READ, "test").secret());
		Answer refused = read.post("/api/v1/orders", ORDER, "Idempotency-Key", "x");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(orders()).isZero();
		long other = shop.reseller("altro@test.it", "BASE", "500.00");
		ApiClient otherWrite = new ApiClient(port, keys.create(other, "Altro", ApiScope.READ_WRITE, "test").secret());
		String mine = write.post("/api/v1/orders", ORDER, "Idempotency-Key", "x").json().get("number").asString();
		String theirs = otherWrite.post("/api/v1/orders", ORDER, "Idempotency-Key", "x")
			.json()
			.get("number")
			.asString();
		assertThat(theirs).isNotEqualTo(mine);
		ApiIT.assertNotFound(otherWrite.get("/api/v1/orders/" + mine));
	}

	private long orders() {
		return jdbc.sql("select count(*) from purchase_order").query(Long.class).single();
	}

	private static Set<String> fields(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		Set<String> fields = new java.util.LinkedHashSet<>();
		answer.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

}
