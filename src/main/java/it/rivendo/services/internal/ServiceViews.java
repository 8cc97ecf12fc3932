package it.rivendo.services.internal;

import it.rivendo.services.ServiceHistoryEntry;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.ServiceView;
import java.time.Instant;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Turns services into views, and searches into specifications. */
public final class ServiceViews {

	private ServiceViews() {
	}

	public static ServiceView of(PurchasedService s) {
		return new ServiceView(s.id(), s.resellerId(), s.productCode(), s.productName(), s.mode(), s.orderNumber(),
				s.purchasedAt(), s.pricePaid(), s.customerEmail(), s.customerName(), s.status(), s.activationDeadline(),
				s.activatedAt(), s.suspendedUntil(), s.statusReason(), s.status() == ServiceStatus.NOT_ASSOCIATED,
				s.canChangeAssociation(), s.validUntil(), s.term().renewalOpensDays(), s.renewalWindow(), s.autoRenew(),
				s.placedByUserId());
	}

	public static ServiceHistoryEntry of(ServiceEvent event) {
		return new ServiceHistoryEntry(event.kind().name(), event.detail(), event.actor(), event.createdAt());
	}

	/**
	 * Running services (active or suspended) whose term ends before {@code before}: the
	 * renewals due that the staff dashboard counts.
	 */
	public static Specification<PurchasedService> runningUntilBefore(Instant before) {
		return (root, query, cb) -> cb.and(root.get("status").in(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED),
				cb.lessThan(root.get("validUntil"), before));
	}

	/** Services matching every given criterion; a null or blank criterion matches all. */
	public static Specification<PurchasedService> matching(Long resellerId, ServiceStatus status, String text) {
		return (root, query, cb) -> {
			var predicate = cb.conjunction();
			if (resellerId != null) {
				predicate = cb.and(predicate, cb.equal(root.get("resellerId"), resellerId));
			}
			if (status != null) {
				predicate = cb.and(predicate, cb.equal(root.get("status"), status));
			}
			if (text != null && !text.isBlank()) {
				String like = "%" + text.strip()
					.toLowerCase(Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				predicate = cb.and(predicate,
						cb.or(cb.like(cb.lower(root.get("customerEmail")), like, '\\'),
								cb.like(cb.lower(root.get("orderNumber")), like, '\\'),
								cb.like(cb.lower(root.get("customerName")), like, '\\')));
			}
			return predicate;
		};
	}

	/**
	 * Services running (active or suspended) whose term ends by then; null matches all.
	 */
	public static Specification<PurchasedService> expiringBy(java.time.Instant by) {
		return (root, query, cb) -> by == null ? cb.conjunction()
				: cb.and(root.get("status").in(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED),
						cb.lessThanOrEqualTo(root.get("validUntil"), by));
	}

	/** Services bought by the given user of the team; null matches all. */
	public static Specification<PurchasedService> placedBy(Long userId) {
		return (root, query, cb) -> userId == null ? cb.conjunction() : cb.equal(root.get("placedByUserId"), userId);
	}

	/** Services with an id below the given one; null matches all. */
	public static Specification<PurchasedService> before(Long id) {
		return (root, query, cb) -> id == null ? cb.conjunction() : cb.lessThan(root.get("id"), id);
	}

}
