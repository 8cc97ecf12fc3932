package it.rivendo.services;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.services.internal.IdentificationSessions;
import it.rivendo.services.internal.PurchasedService;
import it.rivendo.services.internal.PurchasedServiceRepository;
import it.rivendo.services.internal.ServiceEvent;
import it.rivendo.services.internal.ServiceEventRepository;
import it.rivendo.services.internal.ServiceLog;
import it.rivendo.services.internal.ServiceViews;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with services: find them, suspend one until a date, revoke one for good,
 * always with a reason; and, without an identification provider, confirm that an end
 * customer was identified with the trust service provider (the service becomes active) or
 * refuse it with a reason (the reseller is told and can send the link again). Each of
 * these is in the service's history and in the audit trail.
 */
@Service
@Transactional
public class ServiceAdministration {

	private final PurchasedServiceRepository services;

	private final ServiceEventRepository events;

	private final IdentificationSessions identifications;

	private final ResellerAccounts accounts;

	private final AuditTrail audit;

	private final ServiceLog log;

	ServiceAdministration(PurchasedServiceRepository services, ServiceEventRepository events,
			IdentificationSessions identifications, ResellerAccounts accounts, AuditTrail audit, ServiceLog log) {
		this.services = services;
		this.events = events;
		this.identifications = identifications;
		this.accounts = accounts;
		this.audit = audit;
		this.log = log;
	}

	@Transactional(readOnly = true)
	public Page<ServiceView> search(ServiceStatus status, String text, Pageable page) {
		return services
			.findAll(ServiceViews.matching(null, status, text),
					PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("id"))))
			.map(ServiceViews::of);
	}

	/**
	 * The running services whose term ends within {@code days} calendar days (as "In
	 * scadenza" counts them), soonest first: the renewals due on the staff dashboard.
	 */
	@Transactional(readOnly = true)
	public Page<ServiceView> dueWithin(int days, Pageable page) {
		return services.findAll(ServiceViews.runningUntilBefore(ExpiringServices.before(days, log.now())), PageRequest
			.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.asc("validUntil"), Sort.Order.asc("id"))))
			.map(ServiceViews::of);
	}

	@Transactional(readOnly = true)
	public ServiceView view(long serviceId) {
		return ServiceViews.of(found(serviceId));
	}

	@Transactional(readOnly = true)
	public List<ServiceHistoryEntry> history(long serviceId) {
		found(serviceId);
		return events.findByServiceIdOrderByIdDesc(serviceId).stream().map(ServiceViews::of).toList();
	}

	/**
	 * What the end customer gave, for staff to check the identification; empty unless the
	 * service is in verifica.
	 */
	@Transactional(readOnly = true)
	public Optional<IdentityCheck> identityCheck(long serviceId) {
		PurchasedService service = found(serviceId);
		if (service.status() != ServiceStatus.IN_VERIFICATION) {
			return Optional.empty();
		}
		String reseller = accounts.profile(service.resellerId()).map(profile -> profile.companyName()).orElse("");
		return Optional.of(new IdentityCheck(service.id(), service.customerFirstName(), service.customerLastName(),
				service.customerTaxCode(), service.customerMobile(), service.customerEmail(), service.mode(),
				service.productName(), reseller, service.orderNumber(), service.activationStartedAt(),
				service.customerPecAddress()));
	}

	@Transactional(readOnly = true)
	public long awaitingIdentityCheck() {
		return services.countByStatus(ServiceStatus.IN_VERIFICATION);
	}

	/**
	 * Staff confirm that the end customer was identified with the trust service provider:
	 * the service becomes active and both the reseller and the end customer are told.
	 * @param providerReference the trust service provider's reference for the
	 * identification, if any
	 * @throws Refusal when the service is not (or no longer) in verifica
	 */
	public void confirmIdentification(long serviceId, String providerReference, String actor) {
		PurchasedService service = locked(serviceId);
		requireInVerification(service);
		service.activate(log.now());
		identifications.lockStaffCheck(serviceId).ifPresent(check -> identifications.complete(check, true));
		String reference = providerReference == null || providerReference.isBlank() ? null : providerReference.strip();
		log.record(service, ServiceEvent.Kind.ACTIVATED,
				reference == null ? "verificato dallo staff" : "verificato dallo staff, pratica " + reference, actor);
		audit.record(AuditRecord.of(actor, "IDENTIFICATION_CONFIRMED", "service-" + serviceId,
				identified(service) + (reference == null ? "" : "; provider reference " + reference)));
		log.sendActivated(service);
	}

	/**
	 * Staff could not confirm the identification: the service is associated again and the
	 * reseller is told why.
	 * @throws Refusal when the reason is missing or the service is not (or no longer) in
	 * verifica
	 */
	public void refuseIdentification(long serviceId, String reason, String actor) {
		String why = requireReason(reason);
		PurchasedService service = locked(serviceId);
		requireInVerification(service);
		String who = identified(service);
		service.refuseIdentification(why, log.now());
		identifications.lockStaffCheck(serviceId).ifPresent(check -> identifications.complete(check, false));
		log.record(service, ServiceEvent.Kind.IDENTIFICATION_REFUSED, why, actor);
		audit.record(AuditRecord.of(actor, "IDENTIFICATION_REFUSED", "service-" + serviceId, who + "; reason: " + why));
		log.sendIdentificationRefused(service, why);
	}

	public void suspend(long serviceId, Instant until, String reason, String actor) {
		PurchasedService service = locked(serviceId);
		service.suspend(until, requireReason(reason), log.now());
		log.record(service, ServiceEvent.Kind.SUSPENDED, reason + " (→ " + until + ")", actor);
		audit.record(AuditRecord.of(actor, "SERVICE_SUSPENDED", "service-" + serviceId,
				"until " + until + "; reason: " + reason.strip()));
	}

	public void revoke(long serviceId, String reason, String actor) {
		PurchasedService service = locked(serviceId);
		service.revoke(requireReason(reason), log.now());
		log.record(service, ServiceEvent.Kind.REVOKED, reason, actor);
		audit.record(AuditRecord.of(actor, "SERVICE_REVOKED", "service-" + serviceId, "reason: " + reason.strip()));
	}

	private static void requireInVerification(PurchasedService service) {
		if (service.status() != ServiceStatus.IN_VERIFICATION) {
			throw new Refusal("service.error.notInVerification");
		}
	}

	/**
	 * Who was identified, for the audit trail: the customer's name, codice fiscale and
	 * e-mail, and the mode.
	 */
	private static String identified(PurchasedService service) {
		return service.customerName() + " " + service.customerTaxCode() + " <" + service.customerEmail() + ">, "
				+ service.mode() + ", " + service.productCode() + ", order " + service.orderNumber();
	}

	private PurchasedService found(long serviceId) {
		return services.findById(serviceId).orElseThrow(() -> new NotFoundException("service"));
	}

	private PurchasedService locked(long serviceId) {
		return services.lockById(serviceId).orElseThrow(() -> new NotFoundException("service " + serviceId));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal("service.error.reasonRequired");
		}
		return reason.strip();
	}

	/**
	 * The data the end customer gave, for staff checking their identification; the PEC
	 * address chosen for a PEC mailbox, otherwise null.
	 */
	public record IdentityCheck(long serviceId, String firstName, String lastName, String taxCode, String mobile,
			String email, it.rivendo.catalog.IdentificationMode mode, it.rivendo.shared.LocalizedText productName,
			String resellerName, String orderNumber, Instant submittedAt, String pecAddress) {
	}

}
