package it.rivendo.ordering;

import it.rivendo.ordering.internal.Order;
import it.rivendo.ordering.internal.OrderRepository;
import it.rivendo.shared.NotFoundException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects the billing data of a reseller's order after its invoice was rejected by the
 * SdI, in one transaction with what the {@link OrderBillingCorrected} listeners do (the
 * invoice sent again with its number and date): when they refuse, nothing changes.
 */
@Service
public class BillingCorrection {

	private final OrderRepository orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BillingCorrection(OrderRepository orders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException when the order is not the reseller's
	 * @throws it.rivendo.shared.Refusal when its documents may not be sent again
	 */
	@Transactional
	public void correct(long resellerId, String orderNumber, BillingDetails corrected, String actor) {
		Order order = orders.lockByNumber(orderNumber)
			.filter(found -> found.resellerId() == resellerId)
			.orElseThrow(() -> new NotFoundException("order " + orderNumber));
		order.correctBilling(corrected);
		events.publishEvent(
				new OrderBillingCorrected(order.id(), order.number(), resellerId, corrected, actor, clock.instant()));
	}

}
