package it.rivendo.bulk.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.PriceQuote;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reseller can buy today and at which price, by product code and mode: the whole
 * catalog read once for a whole file.
 */
public final class Offer {

	private final Map<String, Map<IdentificationMode, PriceQuote>> byCode = new HashMap<>();

	public Offer(List<PriceQuote> quotes) {
		for (PriceQuote quote : quotes) {
			byCode
				.computeIfAbsent(quote.productCode().toUpperCase(Locale.ROOT),
						code -> new EnumMap<>(IdentificationMode.class))
				.put(quote.mode(), quote);
		}
	}

	public boolean sells(String code) {
		return byCode.containsKey(code.toUpperCase(Locale.ROOT));
	}

	/** The modes a product is sold in; empty for a code not on sale. */
	public Map<IdentificationMode, PriceQuote> modesOf(String code) {
		return byCode.getOrDefault(code.toUpperCase(Locale.ROOT), Map.of());
	}

	public Optional<PriceQuote> quote(String code, IdentificationMode mode) {
		return Optional.ofNullable(modesOf(code).get(mode));
	}

}
