package it.rivendo.ordering.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import it.rivendo.ordering.RenewedTerm;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "order_line")
public class OrderLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int lineNo;

	private long productId;

	private String productCode;

	private String productName;

	private String productNameEn;

	@Enumerated(EnumType.STRING)
	private IdentificationMode mode;

	private int quantity;

	private Money unitListPrice;

	private BigDecimal discountPercent;

	private Money unitNetPrice;

	private BigDecimal vatRate;

	private Money lineNet;

	private Long renewsServiceId;

	private String renewalCustomerEmail;

	private Instant renewalValidUntil;

	private Instant renewalUntil;

	protected OrderLine() {
	}

	/** A line that renews a purchased service: one unit. */
	public OrderLine(int lineNo, long productId, String productCode, LocalizedText productName, IdentificationMode mode,
			Money unitListPrice, BigDecimal discountPercent, Money unitNetPrice, BigDecimal vatRate,
			RenewedTerm renewal) {
		this(lineNo, productId, productCode, productName, mode, 1, unitListPrice, discountPercent, unitNetPrice,
				vatRate);
		this.renewsServiceId = renewal.serviceId();
		this.renewalCustomerEmail = renewal.customerEmail();
		this.renewalValidUntil = renewal.validUntil();
		this.renewalUntil = renewal.renewedUntil();
	}

	public OrderLine(int lineNo, long productId, String productCode, LocalizedText productName, IdentificationMode mode,
			int quantity, Money unitListPrice, BigDecimal discountPercent, Money unitNetPrice, BigDecimal vatRate) {
		this.lineNo = lineNo;
		this.productId = productId;
		this.productCode = productCode;
		this.productName = productName.it();
		this.productNameEn = productName.en();
		this.mode = mode;
		this.quantity = quantity;
		this.unitListPrice = unitListPrice;
		this.discountPercent = discountPercent;
		this.unitNetPrice = unitNetPrice;
		this.vatRate = vatRate;
		this.lineNet = unitNetPrice.times(quantity);
	}

	public Long id() {
		return id;
	}

	public int lineNo() {
		return lineNo;
	}

	public long productId() {
		return productId;
	}

	public String productCode() {
		return productCode;
	}

	public LocalizedText productName() {
		return new LocalizedText(productName, productNameEn);
	}

	public IdentificationMode mode() {
		return mode;
	}

	public int quantity() {
		return quantity;
	}

	public Money unitListPrice() {
		return unitListPrice;
	}

	public BigDecimal discountPercent() {
		return discountPercent;
	}

	public Money unitNetPrice() {
		return unitNetPrice;
	}

	public BigDecimal vatRate() {
		return vatRate;
	}

	public Money lineNet() {
		return lineNet;
	}

	/** What the line renewed; null for a purchase. */
	public RenewedTerm renewal() {
		return renewsServiceId == null ? null
				: new RenewedTerm(renewsServiceId, renewalCustomerEmail, renewalValidUntil, renewalUntil);
	}

}
