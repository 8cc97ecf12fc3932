package it.rivendo.catalog;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Today's prices of product-mode pairs for one reseller, as a purchase and as a renewal
 * ({@link Catalog#lineQuotes}).
 */
public record LineQuotes(Map<ProductMode, PriceQuote> purchases, Map<ProductMode, PriceQuote> renewals) {

	/** The price of a line today; null when its product or mode is no longer on sale. */
	public @Nullable PriceQuote of(ProductMode item, boolean renewal) {
		return (renewal ? renewals : purchases).get(item);
	}

}
