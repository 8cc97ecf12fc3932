package it.rivendo.services.internal;

import it.rivendo.ordering.OrderCancelled;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Refusal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the cancelling transaction: a cancelled order's services are annulled, and the
 * renewals it paid for are undone, each with a line in the service's history.
 * <p>
 * Undoing a renewal puts the service's expiry back to the date it had before, marks the
 * {@link ServiceRenewal} cancelled (the dashboard and the exports no longer count it),
 * and, if that date has passed, ends the term as the hourly job would. A renewal paid by
 * the automatic renewal also turns "Rinnovo automatico" off, so that the next morning's
 * run does not buy again what staff just refunded. When the service has been renewed
 * again on top of this renewal, the cancellation is refused, and nothing changes: staff
 * cancel the later renewal's order first (subtracting a term from a later date would
 * leave the later renewal's own dates untrue). Delivered twice, it changes nothing the
 * second time.
 */
@Component
class OrderCancelledListener {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	private final PurchasedServiceRepository services;

	private final ServiceRenewalRepository renewals;

	private final ServiceLog log;

	OrderCancelledListener(PurchasedServiceRepository services, ServiceRenewalRepository renewals, ServiceLog log) {
		this.services = services;
		this.renewals = renewals;
		this.log = log;
	}

	@EventListener
	void on(OrderCancelled order) {
		for (ServiceRenewal renewal : renewals.findByOrderIdAndCancelledAtIsNullOrderById(order.orderId())) {
			undo(order, renewal);
		}
		for (PurchasedService service : services.findByOrderIdOrderById(order.orderId())) {
			if (service.annulForCancelledOrder(order.reason(), log.now())) {
				log.record(service, ServiceEvent.Kind.ORDER_CANCELLED, order.reason(), order.actor());
			}
		}
	}

	private void undo(OrderCancelled order, ServiceRenewal renewal) {
		PurchasedService service = services.lockById(renewal.serviceId()).orElseThrow();
		renewals.findByServiceIdAndOldValidUntilAndCancelledAtIsNull(service.id(), renewal.newValidUntil())
			.ifPresent(later -> {
				throw new Refusal("service.error.renewedSince", String.valueOf(service.id()), later.orderNumber());
			});
		Instant now = log.now();
		boolean ended = service.undoRenewal(renewal.oldValidUntil(), renewal.newValidUntil(), now);
		renewal.cancel(now);
		log.record(
				service, ServiceEvent.Kind.RENEWAL_CANCELLED, DAY.format(renewal.newValidUntil()) + " → "
						+ DAY.format(renewal.oldValidUntil()) + " · " + order.number() + " · " + order.reason(),
				order.actor());
		if (ended) {
			log.record(service, ServiceEvent.Kind.TERM_ENDED, null, "system");
		}
		if (renewal.automatic() && service.autoRenew(false, now)) {
			log.record(service, ServiceEvent.Kind.AUTO_RENEW_OFF, order.number(), order.actor());
		}
	}

}
