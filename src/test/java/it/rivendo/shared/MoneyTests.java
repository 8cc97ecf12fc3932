package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

	@ParameterizedTest(name = "{0} less {1}% = {2}")
	@CsvSource({ "39.00, 20, 31.20", "39.00, 0, 39.00", "14.90, 25, 11.18", // 11.175
																			// rounds
																			// half-up
			"24.90, 10, 22.41", "0.05, 50, 0.03", // 0.025 rounds half-up
			"69.00, 15, 58.65", "100.00, 100, 0.00", "19.99, 12.5, 17.49" })
	void discountRoundsHalfUpToTheCent(String list, String percent, String expected) {
		assertThat(Money.of(list).discountedBy(new BigDecimal(percent))).isEqualTo(Money.of(expected));
	}

	@Test
	void alwaysTwoDecimals() {
		assertThat(Money.of("5").toString()).isEqualTo("5.00");
		assertThat(Money.of("5.005")).isEqualTo(Money.of("5.01"));
		assertThat(Money.of("1.10")).isEqualTo(Money.of("1.1"));
	}

	@Test
	void vatIsComputedOncePerRateNotPerLine() {
		// Three lines of 0.10 at 22%: per line VAT would be 0.02 x 3 = 0.06; per rate it
		// is 0.30 x 22% = 0.07.
		var totals = VatBreakdown
			.of(List.of(line("0.10", "22"), line("0.10", "22"), line("0.10", "22.00"), line("10.00", "10")));
		assertThat(totals.rates()).hasSize(2);
		assertThat(totals.taxable()).isEqualTo(Money.of("10.30"));
		assertThat(totals.vat()).isEqualTo(Money.of("1.07"));
		assertThat(totals.total()).isEqualTo(Money.of("11.37"));
	}

	private static TaxableLine line(String net, String rate) {
		return new TaxableLine(Money.of(net), new BigDecimal(rate));
	}

}
