package it.rivendo.invoicing.internal;

import it.rivendo.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int lineNo;

	private String productCode;

	private String description;

	private String descriptionEn;

	private int quantity;

	private Money unitPrice;

	private BigDecimal vatRate;

	private Money lineNet;

	protected InvoiceLine() {
	}

	public InvoiceLine(int lineNo, String productCode, String description, String descriptionEn, int quantity,
			Money unitPrice, BigDecimal vatRate) {
		this.lineNo = lineNo;
		this.productCode = productCode;
		this.description = description;
		this.descriptionEn = descriptionEn;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
		this.vatRate = vatRate;
		this.lineNet = unitPrice.times(quantity);
	}

	InvoiceLine copy() {
		return new InvoiceLine(lineNo, productCode, description, descriptionEn, quantity, unitPrice, vatRate);
	}

	public int lineNo() {
		return lineNo;
	}

	public String productCode() {
		return productCode;
	}

	public String description() {
		return description;
	}

	public String descriptionEn() {
		return descriptionEn;
	}

	public int quantity() {
		return quantity;
	}

	public Money unitPrice() {
		return unitPrice;
	}

	public BigDecimal vatRate() {
		return vatRate;
	}

	public Money lineNet() {
		return lineNet;
	}

}
