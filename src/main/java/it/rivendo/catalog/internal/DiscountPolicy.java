package it.rivendo.catalog.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The discount one reseller gets on each product: its own per-product override first, then its tier's
 * per-product override, then the tier's percentage.
 */
public final class DiscountPolicy {

	private final BigDecimal tierPercent;
	final Map<Long, BigDecimal> tierOverrides = new HashMap<>();
	final Map<Long, BigDecimal> resellerOverrides = new HashMap<>();

	DiscountPolicy(BigDecimal tierPercent) {
		this.tierPercent = tierPercent;
	}

	public BigDecimal percentFor(long productId) {
		BigDecimal own = resellerOverrides.get(productId);
		if (own != null) {
			return own;
		}
		return tierOverrides.getOrDefault(productId, tierPercent);
	}
}
