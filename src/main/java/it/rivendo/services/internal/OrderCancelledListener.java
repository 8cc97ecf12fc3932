package it.rivendo.services.internal;

import it.rivendo.ordering.OrderCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled order's services are annulled, in the cancelling transaction, each with a
 * line in its history.
 */
@Component
class OrderCancelledListener {

	private final PurchasedServiceRepository services;

	private final ServiceLog log;

	OrderCancelledListener(PurchasedServiceRepository services, ServiceLog log) {
		this.services = services;
		this.log = log;
	}

	@EventListener
	void on(OrderCancelled order) {
		for (PurchasedService service : services.findByOrderIdOrderById(order.orderId())) {
			if (service.annulForCancelledOrder(order.reason(), log.now())) {
				log.record(service, ServiceEvent.Kind.ORDER_CANCELLED, order.reason(), order.actor());
			}
		}
	}

}
