package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;

/**
 * What one unit of a product, identified in one mode, costs one reseller: list price less
 * its discount.
 */
public record PriceQuote(long productId, String productCode, LocalizedText productName, String familyCode,
		LocalizedText familyName, IdentificationMode mode, Money listPrice, BigDecimal discountPercent, Money netPrice,
		BigDecimal vatRate) {

	public boolean discounted() {
		return discountPercent.signum() > 0;
	}

	/**
	 * True when a price seen earlier (list price and discount) is no longer the current
	 * one.
	 */
	public boolean differsFrom(Money seenListPrice, BigDecimal seenPercent, Money seenNetPrice) {
		return !listPrice.equals(seenListPrice) || discountPercent.compareTo(seenPercent) != 0
				|| !netPrice.equals(seenNetPrice);
	}
}
