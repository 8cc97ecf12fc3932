package it.rivendo.shared;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of a set of lines the Italian way: taxable amount summed per VAT rate, VAT
 * computed once per rate and rounded half-up to the cent, then added up.
 */
public record VatBreakdown(List<RateTotal> rates, Money taxable, Money vat, Money total) {

	public static final VatBreakdown EMPTY = of(List.of());

	public record TaxableLine(Money net, BigDecimal vatRate) {
	}

	public record RateTotal(BigDecimal rate, Money taxable, Money vat) {
	}

	public static VatBreakdown of(Collection<TaxableLine> lines) {
		Map<BigDecimal, Money> taxableByRate = new TreeMap<>();
		for (TaxableLine line : lines) {
			taxableByRate.merge(line.vatRate().stripTrailingZeros(), line.net(), Money::plus);
		}
		List<RateTotal> rates = taxableByRate.entrySet()
			.stream()
			.map(entry -> new RateTotal(entry.getKey(), entry.getValue(), entry.getValue().percent(entry.getKey())))
			.toList();
		Money taxable = rates.stream().map(RateTotal::taxable).reduce(Money.ZERO, Money::plus);
		Money vat = rates.stream().map(RateTotal::vat).reduce(Money.ZERO, Money::plus);
		return new VatBreakdown(rates, taxable, vat, taxable.plus(vat));
	}
}
