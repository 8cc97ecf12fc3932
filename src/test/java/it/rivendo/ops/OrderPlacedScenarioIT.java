package it.rivendo.ops;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.micrometer.core.instrument.MeterRegistry;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.support.ModuleScenarioTest;
import it.rivendo.support.MutableClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * What this module does when an order is placed: it counts the order and the credit it
 * spent, once the payment has committed, and not at all when the payment rolls back.
 * Started alone (it uses no other module's beans).
 */
@ModuleScenarioTest
class OrderPlacedScenarioIT {

	@Autowired
	MeterRegistry meters;

	@Autowired
	MutableClock clock;

	OrderPlaced placed;

	@BeforeEach
	void setUp() {
		placed = new OrderPlaced(41, "2026-000041", 3, null, clock.instant(), Money.of("95.16"), Money.of("4.84"),
				List.of(new OrderPlaced.Line(7, 5, "REMOTA", new LocalizedText("Prodotto REMOTA", "Product REMOTA"),
						SPID, 2, Money.of("39.00"))));
	}

	@Test
	void anOrderPlacedIsCountedWithTheCreditItSpentAfterThePaymentCommits(Scenario scenario) {
		Counts before = counts();

		scenario.publish(placed)
			.andWaitForStateChange(this::counts, now -> now.orders() > before.orders())
			.andVerify(now -> {
				assertThat(now.orders()).isEqualTo(before.orders() + 1);
				assertThat(now.euros()).isCloseTo(before.euros() + 95.16, offset(0.001));
			});
	}

	@Test
	void anOrderPlacedWhosePaymentRollsBackIsNotCounted(Scenario scenario) {
		Counts before = counts();

		scenario.stimulate((transactions, events) -> {
			transactions.executeWithoutResult(payment -> {
				events.publishEvent(placed);
				payment.setRollbackOnly();
			});
		}).andWaitForStateChange(this::counts, now -> true).andVerify(now -> assertThat(now).isEqualTo(before));
	}

	private Counts counts() {
		return new Counts(meters.counter("rivendo.orders.placed").count(),
				meters.counter("rivendo.credit.debited").count());
	}

	record Counts(double orders, double euros) {
	}

}
