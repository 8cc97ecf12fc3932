package it.rivendo.catalog.web;

import it.rivendo.shared.Money;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The top-up over 12 months that reaches a tier, as staff type it: an amount, bound by
 * the shop's {@link Money} formatter (comma or dot, at most two decimals, bounded), never
 * negative.
 */
public class ThresholdForm {

	@NotNull(message = "{admin.tiers.invalid}")
	private Money minTopUp;

	public Money getMinTopUp() {
		return minTopUp;
	}

	public void setMinTopUp(Money minTopUp) {
		this.minTopUp = minTopUp;
	}

	@AssertTrue(message = "{admin.tiers.invalid}")
	boolean isNotNegative() {
		return minTopUp == null || !minTopUp.isNegative();
	}

}
