package it.rivendo.catalog.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The discount one reseller gets on each product: its own per-product override first,
 * then its tier's per-product override, then the tier's percentage.
 */
public final class DiscountPolicy {

	private final BigDecimal tierPercent;

	private final Map<Long, BigDecimal> tierOverrides;

	private final Map<Long, BigDecimal> resellerOverrides;

	/**
	 * @param tierOverrides and resellerOverrides: percentages by product id
	 */
	DiscountPolicy(BigDecimal tierPercent, Map<Long, BigDecimal> tierOverrides,
			Map<Long, BigDecimal> resellerOverrides) {
		this.tierPercent = tierPercent;
		this.tierOverrides = Map.copyOf(tierOverrides);
		this.resellerOverrides = Map.copyOf(resellerOverrides);
	}

	public BigDecimal percentFor(long productId) {
		BigDecimal own = resellerOverrides.get(productId);
		if (own != null) {
			return own;
		}
		return tierOverrides.getOrDefault(productId, tierPercent);
	}

}
