package it.rivendo.services;

import it.rivendo.services.internal.PurchasedService;
import it.rivendo.services.internal.PurchasedServiceRepository;
import it.rivendo.services.internal.ServiceEvent;
import it.rivendo.services.internal.ServiceLog;
import it.rivendo.services.internal.ServiceViews;
import it.rivendo.shared.NotFoundException;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do with services: find them, suspend one until a date, revoke one for good, always with a reason. */
@Service
@Transactional
public class StaffServices {

	private final PurchasedServiceRepository services;
	private final ServiceLog log;

	StaffServices(PurchasedServiceRepository services, ServiceLog log) {
		this.services = services;
		this.log = log;
	}

	@Transactional(readOnly = true)
	public Page<ServiceView> search(ServiceStatus status, String text, Pageable page) {
		return services
			.findAll(ServiceViews.matching(null, status, text),
					PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("id"))))
			.map(ServiceViews::of);
	}

	@Transactional(readOnly = true)
	public ServiceView view(long serviceId) {
		return ServiceViews.of(services.findById(serviceId).orElseThrow(() -> new NotFoundException("service")));
	}

	public void suspend(long serviceId, Instant until, String reason, String actor) {
		PurchasedService service = locked(serviceId);
		service.suspend(until, requireReason(reason), log.now());
		log.record(service, ServiceEvent.Kind.SUSPENDED, reason + " (→ " + until + ")", actor);
	}

	public void revoke(long serviceId, String reason, String actor) {
		PurchasedService service = locked(serviceId);
		service.revoke(requireReason(reason), log.now());
		log.record(service, ServiceEvent.Kind.REVOKED, reason, actor);
	}

	private PurchasedService locked(long serviceId) {
		return services.lockById(serviceId).orElseThrow(() -> new NotFoundException("service " + serviceId));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new ServiceStateException("service.error.reasonRequired");
		}
		return reason.strip();
	}
}
