package it.rivendo.webhooks;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceExpired;
import it.rivendo.services.ServiceExpiring;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import it.rivendo.webhooks.WebhookReceiver.Received;
import it.rivendo.webhooks.internal.WebhookSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end (issue 18): the shop's events become deliveries in their own
 * transaction and a real HTTP receiver on 127.0.0.1, which checks every signature with
 * its own implementation of the Standard Webhooks spec, counts them. The clock moves
 * through the Spring beans; the sender runs when the test calls it.
 */
@WebIntegrationTest
class WebhooksIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestShop shop;

	@Autowired
	WebhookEndpoints webhooks;

	@Autowired
	WebhookSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CreditLedger credit;

	@Autowired
	PurchasedServices services;

	@Autowired
	ActivatedServices activated;

	@Autowired
	ApplicationEventPublisher events;

	WebhookReceiver receiver;

	long reseller;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new WebhookReceiver();
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("owner@test.it", "BASE", "500.00");
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	long register(WebhookEventType... events) {
		CreatedEndpoint created = webhooks.register(reseller, receiver.url(), Set.of(events));
		receiver.secret(created.secret());
		return created.id();
	}

	@Test
	void aPaidOrderIsDeliveredOnceSignedWithItsAmountsAsStrings() throws Exception {
		register(WebhookEventType.ORDER_PAID);
		String number = shop.buy(reseller, "REMOTA", SPID, 2);

		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(sender.sendDue()).isZero();

		List<Received> received = receiver.received();
		assertThat(received).hasSize(1);
		Received first = received.get(0);
		assertThat(first.signatureValid()).as("signature checked by the receiver").isTrue();
		assertThat(first.id()).startsWith("msg_");
		assertThat(first.timestamp()).isCloseTo(clock.instant().getEpochSecond(),
				org.assertj.core.data.Offset.offset(5L));
		JsonNode body = JSON.readTree(first.body());
		assertThat(body.get("type").asString()).isEqualTo("order.paid");
		assertThat(body.get("timestamp").asString()).isNotBlank();
		assertThat(body.get("data").get("order_number").asString()).isEqualTo(number);
		assertThat(body.get("data").get("total").isString()).isTrue();
		assertThat(body.get("data").get("total").asString()).isEqualTo("95.16");
		assertThat(body.get("data").get("lines").get(0).get("unit_net_price").asString()).isEqualTo("39.00");
		assertThat(body.get("data").get("lines").get(0).get("quantity").asInt()).isEqualTo(2);

		assertThat(jdbc.sql("select status from webhook_delivery").query(String.class).single()).isEqualTo("DELIVERED");
		assertThat(jdbc.sql("select status_code from webhook_attempt").query(Integer.class).single()).isEqualTo(204);
	}

	@Test
	void onlyTheEventsAnEndpointSubscribesToAndOnlyTheResellersOwn() throws Exception {
		register(WebhookEventType.TOPUP_CREDITED);
		long other = shop.reseller("other@test.it", "BASE", "500.00");
		shop.buy(reseller, "REMOTA", SPID, 1); // not subscribed
		shop.buy(other, "REMOTA", SPID, 1); // another reseller's
		transactions.executeWithoutResult(
				status -> credit.credit(reseller, EntryKind.TOPUP, Money.of("100.00"), "RIC-1", "Ricarica", "test"));

		sender.sendDue();

		assertThat(receiver.received()).singleElement().satisfies(received -> {
			JsonNode body = JSON.readTree(received.body());
			assertThat(body.get("type").asString()).isEqualTo("topup.credited");
			assertThat(body.get("data").get("amount").asString()).isEqualTo("100.00");
			assertThat(body.get("data").get("reference").asString()).isEqualTo("RIC-1");
		});
	}

	@Test
	void aServiceLinkedAndActivatedIsDeliveredAsTwoEvents() throws Exception {
		register(WebhookEventType.SERVICE_ASSOCIATED, WebhookEventType.SERVICE_ACTIVATED);
		shop.buy(reseller, "REMOTA", SPID, 1);
		long service = jdbc.sql("select id from purchased_service").query(Long.class).single();

		activated.activate(reseller, service, "mario.rossi@example.it", ActivatedServices.MARIO);
		sender.sendDue();

		List<String> types = receiver.received()
			.stream()
			.map(received -> JSON.readTree(received.body()).get("type").asString())
			.toList();
		assertThat(types).containsExactlyInAnyOrder("service.associated", "service.activated");
		JsonNode activation = receiver.received()
			.stream()
			.map(received -> JSON.readTree(received.body()))
			.filter(body -> body.get("type").asString().equals("service.activated"))
			.findFirst()
			.orElseThrow();
		assertThat(activation.get("data").get("service_id").asLong()).isEqualTo(service);
		assertThat(activation.get("data").get("email").asString()).isEqualTo("mario.rossi@example.it");
	}

	@Test
	void expiringAndExpiredServicesAreDeliveredOncePerThresholdAndExpiry() throws Exception {
		register(WebhookEventType.SERVICE_EXPIRING, WebhookEventType.SERVICE_EXPIRED);
		Instant validUntil = Instant.parse("2027-01-31T23:00:00Z");
		Instant now = clock.instant();
		ServiceExpiring at30 = new ServiceExpiring(7, reseller, "REMOTA", "mario@example.it", validUntil, 30, 30, false,
				now);
		transactions.executeWithoutResult(status -> {
			events.publishEvent(at30);
			events.publishEvent(at30); // delivered at least once: twice changes nothing
			events.publishEvent(
					new ServiceExpiring(7, reseller, "REMOTA", "mario@example.it", validUntil, 7, 7, false, now));
			events.publishEvent(new ServiceExpired(7, reseller, "REMOTA", null, validUntil,
					validUntil.plus(Duration.ofDays(30)), now));
		});

		sender.sendDue();

		List<JsonNode> bodies = receiver.received().stream().map(received -> JSON.readTree(received.body())).toList();
		assertThat(bodies)
			.extracting(body -> body.get("type").asString() + " "
					+ (body.get("data").has("days_left") ? body.get("data").get("days_left").asInt() : "-"))
			.containsExactlyInAnyOrder("service.expiring 30", "service.expiring 7", "service.expired -");
		JsonNode expired = bodies.stream()
			.filter(body -> body.get("type").asString().equals("service.expired"))
			.findFirst()
			.orElseThrow();
		assertThat(expired.get("data").get("valid_until").asString()).isEqualTo("2027-01-31T23:00:00Z");
		assertThat(expired.get("data").get("renewable_until").asString()).isEqualTo("2027-03-02T23:00:00Z");
	}

	@Test
	void aRolledBackOrderDeliversNothing() {
		register(WebhookEventType.ORDER_PAID);

		transactions.executeWithoutResult(status -> {
			shop.buy(reseller, "REMOTA", SPID, 1);
			assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single())
				.as("written in the payment's transaction")
				.isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();
		assertThat(sender.sendDue()).isZero();
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void afterA500ItIsRetriedWithTheSameWebhookIdOnceTheWaitIsOver() throws Exception {
		register(WebhookEventType.ORDER_PAID);
		AtomicInteger calls = new AtomicInteger();
		receiver.answer(() -> calls.incrementAndGet() == 1 ? 500 : 200);
		shop.buy(reseller, "REMOTA", SPID, 1);

		sender.sendDue();
		assertThat(jdbc.sql("select status from webhook_delivery").query(String.class).single()).isEqualTo("PENDING");
		Instant next = jdbc.sql("select next_attempt_at from webhook_delivery").query(Instant.class).single();
		assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));

		sender.sendDue();
		assertThat(receiver.received()).as("not before the wait is over").hasSize(1);

		clock.advance(Duration.ofSeconds(31));
		sender.sendDue();

		List<Received> received = receiver.received();
		assertThat(received).hasSize(2);
		assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		assertThat(received.get(1).timestamp()).isGreaterThan(received.get(0).timestamp());
		assertThat(received).allMatch(Received::signatureValid);
		assertThat(jdbc.sql("select status_code from webhook_attempt order by id").query(Integer.class).list())
			.containsExactly(500, 200);
		assertThat(jdbc.sql("select status || ' ' || attempts from webhook_delivery").query(String.class).single())
			.isEqualTo("DELIVERED 2");
	}

	@Test
	void twoSendersAtOnceDeliverEachEventOnce() throws Exception {
		reseller = shop.reseller("big@test.it", "BASE", "2000.00");
		register(WebhookEventType.ORDER_PAID);
		for (int i = 0; i < 30; i++) {
			shop.buy(reseller, "REMOTA", SPID, 1);
		}

		List<Integer> made = Race.run(2, index -> sender.sendDue());

		assertThat(made.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
		Map<String, Long> byId = receiver.received()
			.stream()
			.collect(Collectors.groupingBy(Received::id, Collectors.counting()));
		assertThat(byId).hasSize(30);
		assertThat(byId.values()).allMatch(count -> count == 1);
		assertThat(jdbc.sql("select count(*) from webhook_delivery where status = 'DELIVERED' and attempts = 1")
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@Test
	void anEndpointFailingForThreeDaysIsTurnedOffAndItsOwnerToldOnce() {
		long endpoint = register(WebhookEventType.ORDER_PAID);
		receiver.answer(503);
		shop.buy(reseller, "REMOTA", SPID, 1);
		Instant start = clock.instant();

		sender.sendDue();
		for (int step = 0; step < 40 && webhooks.endpoint(reseller, endpoint).enabled(); step++) {
			Instant next = jdbc.sql("select next_attempt_at from webhook_delivery").query(Instant.class).single();
			clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));
			sender.sendDue();
		}

		EndpointView view = webhooks.endpoint(reseller, endpoint);
		assertThat(view.enabled()).isFalse();
		assertThat(view.disabledForFailures()).isTrue();
		assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ofDays(3),
				Duration.ofDays(3).plusMinutes(1));
		List<Integer> codes = jdbc.sql("select status_code from webhook_attempt order by id")
			.query(Integer.class)
			.list();
		assertThat(codes).hasSizeBetween(8, 14).containsOnly(503);
		List<Instant> times = jdbc.sql("select attempted_at from webhook_attempt order by id")
			.query(Instant.class)
			.list();
		assertThat(Duration.between(times.get(0), times.get(1))).as("first retry").isLessThan(Duration.ofMinutes(1));
		assertThat(jdbc.sql("select status from webhook_delivery").query(String.class).single()).isEqualTo("FAILED");
		assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'WEBHOOK_TURNED_OFF'")
			.query(String.class)
			.list()).containsExactly("owner@test.it");

		shop.buy(reseller, "REMOTA", SPID, 1);
		clock.advance(Duration.ofDays(1));
		sender.sendDue();
		assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single())
			.as("a turned-off endpoint gets no new deliveries")
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'WEBHOOK_TURNED_OFF'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theAddressIsCheckedAgainAtSendTime() {
		long endpoint = register(WebhookEventType.ORDER_PAID);
		// the name now points into the shop's network (DNS rebinding): as if it resolved
		// there
		jdbc.sql("update webhook_endpoint set url = 'https://10.0.0.1/hook' where id = ?").param(endpoint).update();
		shop.buy(reseller, "REMOTA", SPID, 1);

		sender.sendDue();

		assertThat(
				jdbc.sql("select coalesce(status_code::text, error) from webhook_attempt").query(String.class).single())
			.isEqualTo("address refused: webhooks.url.notPublic");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void aTestEventAndSendAgainAreSentAtOnceWithTheSameId() {
		long endpoint = register(WebhookEventType.ORDER_PAID);

		DeliveryView test = webhooks.sendTest(reseller, endpoint);
		assertThat(test.delivered()).isTrue();
		assertThat(test.lastStatusCode()).isEqualTo(204);
		DeliveryView again = webhooks.sendAgain(reseller, test.id());
		assertThat(again.attempts()).isEqualTo(2);

		List<Received> received = receiver.received();
		assertThat(received).hasSize(2).allMatch(Received::signatureValid);
		assertThat(received.get(1).id()).isEqualTo(received.get(0).id()).isEqualTo(test.messageId());
		assertThat(JSON.readTree(received.get(0).body()).get("type").asString()).isEqualTo("webhook.test");
		assertThat(webhooks.deliveries(reseller, endpoint)).extracting(DeliveryView::eventType)
			.containsExactly("webhook.test");
	}

	@Test
	void anotherResellersEndpointIsNotFound() {
		long endpoint = register(WebhookEventType.ORDER_PAID);
		long other = shop.reseller("other@test.it", "BASE", "0");

		Function<Runnable, Throwable> thrown = action -> {
			try {
				action.run();
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		};
		assertThat(thrown.apply(() -> webhooks.endpoint(other, endpoint)))
			.isInstanceOf(it.rivendo.shared.NotFoundException.class);
		assertThat(thrown.apply(() -> webhooks.sendTest(other, endpoint)))
			.isInstanceOf(it.rivendo.shared.NotFoundException.class);
		assertThat(thrown.apply(() -> webhooks.delete(other, endpoint)))
			.isInstanceOf(it.rivendo.shared.NotFoundException.class);
		assertThat(webhooks.endpoints(other)).isEmpty();
	}

}
