package it.rivendo.services.internal;

import it.rivendo.ordering.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One purchased service per unit paid, created in the payment's own transaction. */
@Component
class OrderPlacedListener {

	private final PurchasedServiceRepository services;

	private final Duration activationWindow;

	OrderPlacedListener(PurchasedServiceRepository services, ServicesProperties properties) {
		this.services = services;
		this.activationWindow = Duration.ofDays(properties.activationDays());
	}

	@EventListener
	void on(OrderPlaced order) {
		if (services.countByOrderId(order.orderId()) > 0) {
			return; // delivered twice: the services exist already
		}
		List<PurchasedService> units = new ArrayList<>();
		for (OrderPlaced.Line line : order.lines()) {
			for (int unit = 0; unit < line.quantity(); unit++) {
				units.add(new PurchasedService(order.resellerId(), order.orderId(), order.number(), line.orderLineId(),
						line.productId(), line.productCode(), line.productName(), line.mode(), line.unitNetPrice(),
						order.placedAt(), order.placedAt().plus(activationWindow)));
			}
		}
		services.saveAll(units);
	}

}
