package it.rivendo.services;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.cart.CartService;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.services.internal.ActivationTokens;
import it.rivendo.services.internal.PurchasedService;
import it.rivendo.services.internal.PurchasedServiceRepository;
import it.rivendo.services.internal.ServiceEvent;
import it.rivendo.services.internal.ServiceEventRepository;
import it.rivendo.services.internal.ServiceLog;
import it.rivendo.services.internal.ServiceViews;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reseller's purchased services: "I tuoi servizi", and "Associa" (link a service to an
 * end customer's e-mail, which sends them their personal activation link). Another
 * reseller's service is simply not found.
 */
@Service
@Transactional
public class PurchasedServices {

	private final PurchasedServiceRepository services;

	private final ServiceEventRepository events;

	private final ActivationTokens tokens;

	private final ServiceLog log;

	private final EntityManager entityManager;

	private final CartService carts;

	private final AuditTrail audit;

	PurchasedServices(PurchasedServiceRepository services, ServiceEventRepository events, ActivationTokens tokens,
			ServiceLog log, CartService carts, AuditTrail audit, EntityManager entityManager) {
		this.services = services;
		this.events = events;
		this.tokens = tokens;
		this.log = log;
		this.carts = carts;
		this.audit = audit;
		this.entityManager = entityManager;
	}

	/** How many services {@link #associateAll} links between two flushes. */
	static final int WRITTEN_EVERY = 50;

	@Transactional(readOnly = true)
	public Page<ServiceView> page(long resellerId, ServiceStatus status, String search, Pageable page) {
		return page(resellerId, null, status, search, page);
	}

	/**
	 * A page of the reseller's services, newest first.
	 * @param placedBy only those bought by this user of the team; null for all
	 */
	@Transactional(readOnly = true)
	public Page<ServiceView> page(long resellerId, @Nullable Long placedBy, ServiceStatus status, String search,
			Pageable page) {
		Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
				Sort.by(Sort.Order.desc("purchasedAt"), Sort.Order.desc("id")));
		return services
			.findAll(ServiceViews.matching(resellerId, status, search).and(ServiceViews.placedBy(placedBy)),
					newestFirst)
			.map(ServiceViews::of);
	}

	/**
	 * Whether the service is the reseller's and, when a user is given, bought by that
	 * user: what an Operatore who sees only its own services may open.
	 */
	@Transactional(readOnly = true)
	public boolean visible(long resellerId, @Nullable Long placedBy, long serviceId) {
		return services.findByIdAndResellerId(serviceId, resellerId)
			.map(service -> placedBy == null || placedBy.equals(service.placedByUserId()))
			.orElse(false);
	}

	/**
	 * Refuses, as if they did not exist, services that are not the reseller's or, when a
	 * user is given, not bought by that user: what an Operatore who sees only its own
	 * services may not act on.
	 * @throws NotFoundException for the first such service
	 */
	@Transactional(readOnly = true)
	public void requireVisible(long resellerId, @Nullable Long placedBy, Collection<Long> serviceIds) {
		for (long serviceId : serviceIds) {
			if (!visible(resellerId, placedBy, serviceId)) {
				throw new NotFoundException("service " + serviceId);
			}
		}
	}

	/**
	 * A reseller's services newest first, a slice at a time (keyset on the id: the next
	 * slice starts below the last id seen).
	 * @param status only those in this status; null for all
	 * @param expiringBy only those running (active or suspended) whose term ends by then;
	 * null for all
	 * @param beforeId only services with a smaller id; null for the newest
	 */
	@Transactional(readOnly = true)
	public List<ServiceView> before(long resellerId, @Nullable ServiceStatus status,
			java.time.@Nullable Instant expiringBy, @Nullable Long beforeId, int limit) {
		return services
			.findBy(ServiceViews.matching(resellerId, status, null)
				.and(ServiceViews.expiringBy(expiringBy))
				.and(ServiceViews.before(beforeId)),
					query -> query.sortBy(Sort.by(Sort.Order.desc("id"))).limit(limit).all())
			.stream()
			.map(ServiceViews::of)
			.toList();
	}

	/**
	 * How many of the reseller's services are in each status (zero for none), in one
	 * query.
	 */
	@Transactional(readOnly = true)
	public Map<ServiceStatus, Long> countsByStatus(long resellerId) {
		return countsByStatus(resellerId, null);
	}

	/**
	 * The same, of the services the user {@code placedBy} bought (null: the whole
	 * team's).
	 */
	@Transactional(readOnly = true)
	public Map<ServiceStatus, Long> countsByStatus(long resellerId, @Nullable Long placedBy) {
		Map<ServiceStatus, Long> counts = new EnumMap<>(ServiceStatus.class);
		for (ServiceStatus status : ServiceStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : placedBy == null ? services.countByStatusOf(resellerId)
				: services.countByStatusOf(resellerId, placedBy)) {
			counts.put((ServiceStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

	@Transactional(readOnly = true)
	public ServiceView view(long resellerId, long serviceId) {
		return ServiceViews.of(owned(resellerId, serviceId));
	}

	@Transactional(readOnly = true)
	public List<ServiceHistoryEntry> history(long resellerId, long serviceId) {
		owned(resellerId, serviceId);
		return events.findByServiceIdOrderByIdDesc(serviceId).stream().map(ServiceViews::of).toList();
	}

	/**
	 * Links the service to the end customer's e-mail and sends them a personal activation
	 * link; on a service already linked and not yet being activated, moves it to the new
	 * e-mail (the old link stops working).
	 * @throws Refusal when the service can no longer be linked
	 */
	public void associate(long resellerId, long serviceId, String email, String name, String actor) {
		PurchasedService service = lockedOwned(resellerId, serviceId);
		String previous = service.customerEmail();
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		service.associateTo(normalized, name, log.now());
		if (previous == null) {
			log.record(service, ServiceEvent.Kind.ASSOCIATED, normalized, actor);
		}
		else {
			log.record(service, ServiceEvent.Kind.EMAIL_CHANGED, previous + " → " + normalized, actor);
		}
		log.sendActivationLink(service, tokens.issue(service, normalized));
	}

	/**
	 * Links several services at once, each to its e-mail, and sends each end customer
	 * their link: all of them, or none when one cannot be linked. Every
	 * {@value #WRITTEN_EVERY} services what was done is written out and the persistence
	 * context emptied, so that the cost per service stays flat (every query flushes, and
	 * a flush looks at every entity held): an entity the caller loaded before is detached
	 * afterwards.
	 * @throws Refusal when a service can no longer be linked
	 */
	public void associateAll(long resellerId, List<Association> associations, String actor) {
		int done = 0;
		for (Association association : associations) {
			associate(resellerId, association.serviceId(), association.email(), association.name(), actor);
			if (++done % WRITTEN_EVERY == 0) {
				entityManager.flush();
				entityManager.clear();
			}
		}
	}

	/**
	 * The reseller's services each order line made, by order line id, in the order they
	 * were made; also inside the transaction that paid the orders.
	 */
	public Map<Long, List<Long>> idsByOrderLine(long resellerId, Collection<Long> orderLineIds) {
		Map<Long, List<Long>> ids = new HashMap<>();
		if (!orderLineIds.isEmpty()) {
			for (Object[] row : services.idsByOrderLine(resellerId, orderLineIds)) {
				ids.computeIfAbsent((Long) row[0], line -> new ArrayList<>()).add((Long) row[1]);
			}
		}
		return ids;
	}

	/** Sends the end customer a fresh activation link; the old one stops working. */
	public void resendLink(long resellerId, long serviceId, String actor) {
		PurchasedService service = lockedOwned(resellerId, serviceId);
		if (!service.canChangeAssociation()) {
			throw new Refusal("service.error.notResendable");
		}
		log.record(service, ServiceEvent.Kind.LINK_RESENT, service.customerEmail(), actor);
		log.sendActivationLink(service, tokens.issue(service, service.customerEmail()));
	}

	/**
	 * "Rinnova": puts a renewal of each service into the user's cart, priced as the
	 * product is sold to the reseller now; the payment renews them. A service already in
	 * the cart stays there once.
	 * @throws NotFoundException when a service is not the reseller's
	 * @throws Refusal when one of them cannot be renewed now (outside its window, not
	 * running, product no longer on sale): none is added
	 */
	public void addRenewalsToCart(ShopUser user, Collection<Long> serviceIds) {
		for (long serviceId : serviceIds) {
			PurchasedService service = owned(user.resellerId(), serviceId);
			service.requireRenewalOpen(log.now());
			try {
				carts.addRenewal(user, service.productCode(), service.mode(), service.nextRenewal());
			}
			catch (NotFoundException | ModeNotAvailableException ex) {
				throw new Refusal("service.error.renewalNotOnSale");
			}
		}
	}

	/**
	 * Why each of these services cannot be renewed now, as the message key of its refusal
	 * (outside its window, not running, no term), in the order given; empty when each of
	 * them can. What "Rinnova i selezionati" tells the reseller before adding anything.
	 * @throws NotFoundException when a service is not the reseller's
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> renewalRefusals(long resellerId, Collection<Long> serviceIds) {
		Instant now = log.now();
		Map<Long, String> refusals = new LinkedHashMap<>();
		for (long serviceId : serviceIds) {
			try {
				owned(resellerId, serviceId).requireRenewalOpen(now);
			}
			catch (Refusal refusal) {
				refusals.put(serviceId, refusal.messageKey());
			}
		}
		return refusals;
	}

	/**
	 * Turns "Rinnovo automatico" on or off for one service, in its history and the audit
	 * trail.
	 * @throws Refusal when turning it on for a service that cannot be renewed
	 */
	public void changeAutoRenew(long resellerId, long serviceId, boolean on, String actor) {
		PurchasedService service = lockedOwned(resellerId, serviceId);
		if (service.autoRenew(on, log.now())) {
			log.record(service, on ? ServiceEvent.Kind.AUTO_RENEW_ON : ServiceEvent.Kind.AUTO_RENEW_OFF, null, actor);
			audit.record(AuditRecord.of(actor, on ? "SERVICE_AUTO_RENEW_ON" : "SERVICE_AUTO_RENEW_OFF",
					"service-" + serviceId, service.productCode()));
		}
	}

	private PurchasedService owned(long resellerId, long serviceId) {
		return services.findByIdAndResellerId(serviceId, resellerId)
			.orElseThrow(() -> new NotFoundException("service " + serviceId));
	}

	private PurchasedService lockedOwned(long resellerId, long serviceId) {
		return services.lockById(serviceId)
			.filter(service -> service.resellerId() == resellerId)
			.orElseThrow(() -> new NotFoundException("service " + serviceId));
	}

}
