package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product as its page shows it, with one quote per identification mode it allows, and
 * what renewing one of its services costs the reseller when the product has a renewal
 * price of its own (null: a renewal costs the purchase price of the service's mode, or
 * the product has no term).
 */
public record ProductPage(String code, LocalizedText name, LocalizedText description, LocalizedText familyName,
		String familyCode, List<PriceQuote> quotes, @Nullable Money renewalNetPrice) {

	public ProductPage(String code, LocalizedText name, LocalizedText description, LocalizedText familyName,
			String familyCode, List<PriceQuote> quotes) {
		this(code, name, description, familyName, familyCode, quotes, null);
	}

	public boolean allows(IdentificationMode mode) {
		return quotes.stream().anyMatch(quote -> quote.mode() == mode);
	}
}
