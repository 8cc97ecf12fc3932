package it.rivendo.catalog.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/**
 * One discount exception's percentage, bound by the shop's number formatter (at most two
 * decimals); empty removes the exception.
 */
public class DiscountForm {

	@DecimalMin(value = "0", message = "{admin.catalog.percentFormat}")
	@DecimalMax(value = "100", message = "{admin.catalog.percentFormat}")
	private BigDecimal percent;

	public BigDecimal getPercent() {
		return percent;
	}

	public void setPercent(BigDecimal percent) {
		this.percent = percent;
	}

}
