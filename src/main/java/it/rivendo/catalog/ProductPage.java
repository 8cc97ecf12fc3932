package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import java.util.List;

/** A product as its page shows it, with one quote per identification mode it allows. */
public record ProductPage(String code, LocalizedText name, LocalizedText description, LocalizedText familyName,
		String familyCode, List<PriceQuote> quotes) {

	public boolean allows(IdentificationMode mode) {
		return quotes.stream().anyMatch(quote -> quote.mode() == mode);
	}
}
