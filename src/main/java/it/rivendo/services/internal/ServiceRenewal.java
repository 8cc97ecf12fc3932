package it.rivendo.services.internal;

import it.rivendo.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One renewal of a purchased service, paid by one order line: from which expiry to which.
 * Unique per order line, and per service and old expiry among those not cancelled, so
 * that a renewal happens once. Cancelled when staff cancel its order: the row stays,
 * marked.
 */
@Entity
@Table(name = "service_renewal")
public class ServiceRenewal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long serviceId;

	private long resellerId;

	private long orderId;

	private String orderNumber;

	private long orderLineId;

	private long productId;

	private Instant oldValidUntil;

	private Instant newValidUntil;

	private Money priceNet;

	private boolean automatic;

	private Instant renewedAt;

	private Instant cancelledAt;

	protected ServiceRenewal() {
	}

	ServiceRenewal(PurchasedService service, long orderId, String orderNumber, long orderLineId, Instant oldValidUntil,
			Money priceNet, boolean automatic, Instant now) {
		this.serviceId = service.id();
		this.resellerId = service.resellerId();
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.orderLineId = orderLineId;
		this.productId = service.productId();
		this.oldValidUntil = oldValidUntil;
		this.newValidUntil = service.validUntil();
		this.priceNet = priceNet;
		this.automatic = automatic;
		this.renewedAt = now;
	}

	/**
	 * Its order was cancelled.
	 * @return false when it was already, and nothing changed
	 */
	boolean cancel(Instant now) {
		if (cancelledAt != null) {
			return false;
		}
		this.cancelledAt = now;
		return true;
	}

	public long serviceId() {
		return serviceId;
	}

	public Instant cancelledAt() {
		return cancelledAt;
	}

	public Instant oldValidUntil() {
		return oldValidUntil;
	}

	public Instant newValidUntil() {
		return newValidUntil;
	}

	public boolean automatic() {
		return automatic;
	}

	public String orderNumber() {
		return orderNumber;
	}

}
