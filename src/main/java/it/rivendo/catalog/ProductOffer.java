package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import java.util.List;

/**
 * A product of the catalog as one reseller sees it: one quote per identification mode it
 * allows, in the modes' order.
 *
 * @param suggested the mode to offer first: the first one a word of the search named, or
 * else the first the product allows
 */
public record ProductOffer(long productId, String code, LocalizedText name, String familyCode, LocalizedText familyName,
		List<PriceQuote> quotes, IdentificationMode suggested) {

	public boolean allows(IdentificationMode mode) {
		return quotes.stream().anyMatch(quote -> quote.mode() == mode);
	}

}
