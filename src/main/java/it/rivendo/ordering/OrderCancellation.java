package it.rivendo.ordering;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.ordering.internal.Order;
import it.rivendo.ordering.internal.OrderRepository;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels a paid order in one transaction: the order becomes CANCELLED, its total goes
 * back to the reseller's credit, and {@link OrderCancelled} listeners annul its services
 * and issue the credit note. The order row is locked first, so two staff members
 * cancelling at once refund once: the second finds it cancelled and is refused.
 */
@Service
public class OrderCancellation {

	private final OrderRepository orders;

	private final CreditLedger credit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderCancellation(OrderRepository orders, CreditLedger credit, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.credit = credit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException when there is no such order
	 * @throws Refusal when it is not paid (e.g. already cancelled) or the reason is blank
	 */
	@Transactional
	public void cancel(String orderNumber, String reason, String actor) {
		Order order = orders.lockByNumber(orderNumber).orElseThrow(() -> new NotFoundException("order " + orderNumber));
		Instant now = clock.instant();
		order.cancel(reason, actor, now);
		credit.credit(order.resellerId(), EntryKind.REFUND, order.totalAmount(), order.number(),
				"Storno ordine " + order.number(), actor);
		events.publishEvent(new OrderCancelled(order.id(), order.number(), order.resellerId(), order.totalAmount(),
				order.cancelReason(), actor, now));
	}

}
