package it.rivendo.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A per-product exception to a tier's percentage, or to one reseller's. */
@Entity
@Table(name = "discount_override")
public class DiscountOverride {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long productId;

	private Long tierId;

	private Long resellerId;

	private BigDecimal percent;

	protected DiscountOverride() {
	}

	private DiscountOverride(long productId, Long tierId, Long resellerId, BigDecimal percent) {
		this.productId = productId;
		this.tierId = tierId;
		this.resellerId = resellerId;
		this.percent = percent;
	}

	public static DiscountOverride forTier(long tierId, long productId, BigDecimal percent) {
		return new DiscountOverride(productId, tierId, null, percent);
	}

	public static DiscountOverride forReseller(long resellerId, long productId, BigDecimal percent) {
		return new DiscountOverride(productId, null, resellerId, percent);
	}

	public Long id() {
		return id;
	}

	public Long tierId() {
		return tierId;
	}

	public Long resellerId() {
		return resellerId;
	}

	public void changePercent(BigDecimal newPercent) {
		this.percent = newPercent;
	}

	public long productId() {
		return productId;
	}

	public boolean isForReseller() {
		return resellerId != null;
	}

	public BigDecimal percent() {
		return percent;
	}

}
