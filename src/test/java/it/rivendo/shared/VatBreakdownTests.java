package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.VatBreakdown.RateTotal;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Totals the Italian way: taxable amount per rate, VAT once per rate rounded half-up,
 * then added up.
 */
class VatBreakdownTests {

	@Test
	void linesOfTheSameRateAreSummedBeforeTheVatIsComputed() {
		// per line: 11.18 x 22% = 2.4596 -> 2.46, three times 7.38; per rate: 33.54 x 22%
		// = 7.3788 -> 7.38
		// per line: 0.05 x 4% = 0.002 -> 0.00, three times 0.00; per rate: 0.15 x 4% =
		// 0.006 -> 0.01
		VatBreakdown totals = VatBreakdown.of(List.of(line("11.18", "22"), line("11.18", "22"), line("11.18", "22"),
				line("0.05", "4"), line("0.05", "4"), line("0.05", "4")));
		assertThat(totals.rates()).extracting(RateTotal::rate, RateTotal::taxable, RateTotal::vat)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("4"), Money.of("0.15"), Money.of("0.01")),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("22"), Money.of("33.54"), Money.of("7.38")));
		assertThat(totals.taxable()).isEqualTo(Money.of("33.69"));
		assertThat(totals.vat()).isEqualTo(Money.of("7.39"));
		assertThat(totals.total()).isEqualTo(Money.of("41.08"));
	}

	@Test
	void ratesWrittenDifferentlyAreOneRateAndAZeroRateAddsNoVat() {
		VatBreakdown totals = VatBreakdown
			.of(List.of(line("10.00", "22.00"), line("5.00", "22"), line("20.00", "0.00")));
		assertThat(totals.rates()).hasSize(2);
		assertThat(totals.rates().get(0).vat()).isEqualTo(Money.ZERO);
		assertThat(totals.rates().get(1).taxable()).isEqualTo(Money.of("15.00"));
		assertThat(totals.vat()).isEqualTo(Money.of("3.30"));
		assertThat(totals.total()).isEqualTo(Money.of("38.30"));
	}

	@Test
	void noLinesAreZero() {
		assertThat(VatBreakdown.EMPTY.rates()).isEmpty();
		assertThat(VatBreakdown.EMPTY.total()).isEqualTo(Money.ZERO);
	}

	private static TaxableLine line(String net, String rate) {
		return new TaxableLine(Money.of(net), new BigDecimal(rate));
	}

}
