package it.rivendo.services.internal;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.ordering.RenewedTerm;
import it.rivendo.shared.Formats;
import it.rivendo.shared.NotFoundException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the payment's own transaction: one purchased service per unit bought, with the term
 * its product is sold with now; and for each renewal line, the service renewed from the
 * expiry the line was priced for, with a {@link ServiceRenewal} row. Delivered twice, it
 * changes nothing the second time. A renewal that is no longer possible (renewed in the
 * meantime, window closed) refuses, and the whole payment with it.
 */
@Component
class OrderPlacedListener {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	private final PurchasedServiceRepository services;

	private final ServiceRenewalRepository renewals;

	private final Catalog catalog;

	private final ServiceLog log;

	private final Duration activationWindow;

	OrderPlacedListener(PurchasedServiceRepository services, ServiceRenewalRepository renewals, Catalog catalog,
			ServiceLog log, ServicesProperties properties) {
		this.services = services;
		this.renewals = renewals;
		this.catalog = catalog;
		this.log = log;
		this.activationWindow = Duration.ofDays(properties.activationDays());
	}

	@EventListener
	void on(OrderPlaced order) {
		order.lines().stream().filter(OrderPlaced.Line::isRenewal).forEach(line -> renew(order, line));
		List<OrderPlaced.Line> purchases = order.lines().stream().filter(line -> !line.isRenewal()).toList();
		if (purchases.isEmpty() || services.countByOrderId(order.orderId()) > 0) {
			return; // nothing bought, or delivered twice: the services exist already
		}
		Map<Long, ServiceTerm> terms = catalog
			.termsOf(purchases.stream().map(OrderPlaced.Line::productId).distinct().toList());
		List<PurchasedService> units = new ArrayList<>();
		for (OrderPlaced.Line line : purchases) {
			for (int unit = 0; unit < line.quantity(); unit++) {
				units.add(new PurchasedService(order.resellerId(), order.placedByUserId(), order.orderId(),
						order.number(), line.orderLineId(), line.productId(), line.productCode(), line.productName(),
						line.mode(), line.unitNetPrice(), order.placedAt(), order.placedAt().plus(activationWindow),
						terms.getOrDefault(line.productId(), ServiceTerm.NONE)));
			}
		}
		services.saveAll(units);
	}

	private void renew(OrderPlaced order, OrderPlaced.Line line) {
		if (renewals.existsByOrderLineId(line.orderLineId())) {
			return; // delivered twice: renewed already
		}
		RenewedTerm term = line.renewal();
		PurchasedService service = services.lockById(term.serviceId())
			.filter(found -> found.resellerId() == order.resellerId())
			.orElseThrow(() -> new NotFoundException("service " + term.serviceId()));
		service.renewTerm(term.validUntil(), order.placedAt());
		renewals.saveAndFlush(new ServiceRenewal(service, order.orderId(), order.number(), line.orderLineId(),
				term.validUntil(), line.unitNetPrice(), false, order.placedAt()));
		log.record(service, ServiceEvent.Kind.RENEWED,
				DAY.format(term.validUntil()) + " → " + DAY.format(service.validUntil()) + " · " + order.number(),
				"ordine " + order.number());
	}

}
