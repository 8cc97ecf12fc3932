package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.support.ModuleScenarioTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * What this module does when its own order is placed: the purchase e-mail, with the
 * activation instructions of what was bought, written into the outbox for the reseller,
 * once (the mail module sends it later). Started with the modules whose beans it uses
 * (cart, catalog, credit, identity, mail...), not with services or invoicing, which
 * listen too; the test publishes the event as checkout does, for an order it does not
 * need to store.
 */
@ModuleScenarioTest
class OrderPlacedScenarioIT {

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	OrderPlaced placed;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		long product = shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long reseller = shop.reseller("buyer@test.it", "BASE", "0.00");
		placed = new OrderPlaced(41, "2026-000041", reseller, null, clock.instant(), Money.of("95.16"),
				Money.of("4.84"), List.of(new OrderPlaced.Line(7, product, "REMOTA",
						new LocalizedText("Prodotto REMOTA", "Product REMOTA"), SPID, 2, Money.of("39.00"))));
	}

	@Test
	void anOrderPlacedWritesThePurchaseEmailToTheResellerIntoTheOutbox(Scenario scenario) {
		scenario.publish(placed).andWaitForStateChange(() -> outboxOf(placed.number())).andVerify(mails -> {
			assertThat(mails).singleElement().satisfies(mail -> {
				assertThat(mail.recipient()).isEqualTo("buyer@test.it");
				assertThat(mail.subject()).isEqualTo("Rivendo: riepilogo dell'ordine 2026-000041");
				assertThat(mail.bodyText()).contains("Prodotto REMOTA", "Istruzioni di attivazione REMOTA");
				assertThat(mail.status()).as("sent later, by the outbox sender").isEqualTo("PENDING");
			});
		});
	}

	@Test
	void theSameOrderPlacedDeliveredAgainWritesNoSecondEmail(Scenario scenario) {
		scenario.publish(placed)
			.andWaitForStateChange(() -> outboxOf(placed.number()))
			.andVerify(mails -> assertThat(mails).hasSize(1));

		scenario.publish(placed)
			.andWaitForStateChange(() -> outboxOf(placed.number()))
			.andVerify(mails -> assertThat(mails).hasSize(1));
	}

	private List<Mail> outboxOf(String orderNumber) {
		return jdbc.sql("""
				select recipient, subject, body_text, status from mail_outbox
				where kind = 'PURCHASE' and reference = ? order by id""").param(orderNumber).query(Mail.class).list();
	}

	record Mail(String recipient, String subject, String bodyText, String status) {
	}

}
