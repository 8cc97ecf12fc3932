package it.rivendo.services.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One unit bought: the service a reseller hands on to one end customer. */
@Entity
@Table(name = "purchased_service")
public class PurchasedService {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;
	private long orderId;
	private String orderNumber;
	private long orderLineId;
	private long productId;
	private String productCode;
	private String productName;
	private String productNameEn;

	@Enumerated(EnumType.STRING)
	private IdentificationMode mode;

	private Money pricePaid;

	@Enumerated(EnumType.STRING)
	private ServiceStatus status;

	private String customerEmail;
	private String customerName;
	private Instant purchasedAt;
	private Instant activationDeadline;
	private Instant updatedAt;

	protected PurchasedService() {
	}

	public PurchasedService(long resellerId, long orderId, String orderNumber, long orderLineId, long productId,
			String productCode, LocalizedText productName, IdentificationMode mode, Money pricePaid,
			Instant purchasedAt, Instant activationDeadline) {
		this.resellerId = resellerId;
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.orderLineId = orderLineId;
		this.productId = productId;
		this.productCode = productCode;
		this.productName = productName.it();
		this.productNameEn = productName.en();
		this.mode = mode;
		this.pricePaid = pricePaid;
		this.purchasedAt = purchasedAt;
		this.activationDeadline = activationDeadline;
		this.status = ServiceStatus.DA_ASSOCIARE;
		this.updatedAt = purchasedAt;
	}

	public Long id() {
		return id;
	}

	public ServiceStatus status() {
		return status;
	}
}
