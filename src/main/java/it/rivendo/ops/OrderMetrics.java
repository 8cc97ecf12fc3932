package it.rivendo.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.rivendo.ordering.OrderPlaced;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Business counters of this instance: orders placed and the credit they debited. Counted
 * after the payment commits, so a rolled-back payment counts nothing. Each instance
 * counts its own; Prometheus sums them.
 */
@Component
class OrderMetrics {

	private final Counter ordersPlaced;

	private final Counter creditDebited;

	OrderMetrics(MeterRegistry registry) {
		this.ordersPlaced = Counter.builder("rivendo.orders.placed")
			.description("Orders paid from credit")
			.register(registry);
		this.creditDebited = Counter.builder("rivendo.credit.debited")
			.description("Credit spent on orders, VAT included")
			.baseUnit("euros")
			.register(registry);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(OrderPlaced order) {
		ordersPlaced.increment();
		creditDebited.increment(order.total().amount().doubleValue());
	}

}
