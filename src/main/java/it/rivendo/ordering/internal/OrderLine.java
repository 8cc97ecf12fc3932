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
import java.math.BigDecimal;

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

	protected OrderLine() {
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

}
