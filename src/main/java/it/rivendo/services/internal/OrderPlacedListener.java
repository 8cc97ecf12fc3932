package it.rivendo.services.internal;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.ordering.OrderPlaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One purchased service per unit paid, created in the payment's own transaction, with the
 * term its product is sold with now.
 */
@Component
class OrderPlacedListener {

	private final PurchasedServiceRepository services;

	private final Catalog catalog;

	private final Duration activationWindow;

	OrderPlacedListener(PurchasedServiceRepository services, Catalog catalog, ServicesProperties properties) {
		this.services = services;
		this.catalog = catalog;
		this.activationWindow = Duration.ofDays(properties.activationDays());
	}

	@EventListener
	void on(OrderPlaced order) {
		if (services.countByOrderId(order.orderId()) > 0) {
			return; // delivered twice: the services exist already
		}
		Map<Long, ServiceTerm> terms = catalog
			.termsOf(order.lines().stream().map(OrderPlaced.Line::productId).distinct().toList());
		List<PurchasedService> units = new ArrayList<>();
		for (OrderPlaced.Line line : order.lines()) {
			for (int unit = 0; unit < line.quantity(); unit++) {
				units.add(new PurchasedService(order.resellerId(), order.orderId(), order.number(), line.orderLineId(),
						line.productId(), line.productCode(), line.productName(), line.mode(), line.unitNetPrice(),
						order.placedAt(), order.placedAt().plus(activationWindow),
						terms.getOrDefault(line.productId(), ServiceTerm.NONE)));
			}
		}
		services.saveAll(units);
	}

}
