package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedNumbersTests {

	@ParameterizedTest(name = "\"{0}\" is {1}")
	@CsvSource({ "12, 12.00", "'12,5', 12.50", "12.50, 12.50", "' 1234,56 ', 1234.56", "-20, -20.00", "'-0,01', -0.01",
			"0, 0.00", "007, 7.00", "'9999999,99', 9999999.99", "-9999999.99, -9999999.99" })
	void amountsAreReadAsPeopleTypeThem(String typed, String amount) {
		assertThat(Money.parse(typed)).contains(Money.of(amount));
	}

	@ParameterizedTest(name = "\"{0}\" is not an amount")
	@ValueSource(strings = { "", " ", "1E+10000000", "1E+999999999", "1e-999999999", "1e3", "12.345", "1.234,56",
			"1,234.56", "10000000", "99999999999", "+5", "--5", "5-", "0x10", "\u0661\u0662", "12,", ",5", ".5",
			"12 50", "12.5.0", "NaN", "Infinity", "\u0000", "1\r\n2", "12\u00a0000" })
	void anythingElseIsNotAnAmount(String typed) {
		assertThat(Money.parse(typed)).isEmpty();
		assertThat(TypedNumbers.decimal(typed)).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\" in {1} is {2}")
	@CsvSource({ "'1.234,50', it, 1234.50", "'1.234', it, 1234.00", "'-1.234.567,8', it, -1234567.80",
			"'9.999.999,99', it, 9999999.99", "'1,234.50', en, 1234.50", "'1,234', en, 1234.00",
			"'-1,234,567.8', en, -1234567.80", "' 12,50 ', en, 12.50", "'12.50', it, 12.50", "'1234,5', it, 1234.50" })
	void amountsMayCarryTheReadersThousandsSeparators(String typed, String language, String amount) {
		assertThat(Money.parse(typed, Locale.forLanguageTag(language))).contains(Money.of(amount));
	}

	@ParameterizedTest(name = "\"{0}\" in {1} is not an amount")
	@CsvSource({ "'1,234.50', it", "'1,234', it", "'1.234,50', en", "'1.234', en", "'12.34.56', it", "'1.23,45', it",
			"'1234.567', it", "'12.345.678,00', it", "'12,345,678.00', en", "'1.234,567', it", "'.234', it",
			"'1 234,50', it", "'1.234.', it", "'0.500', it", "'0,500', en", "'00.000', it", "'-0.500', it",
			"'0,500.00', en" })
	void anotherGroupingIsNotAnAmount(String typed, String language) {
		assertThat(Money.parse(typed, Locale.forLanguageTag(language))).isEmpty();
	}

	@Test
	void nullAndOversizedTextAreNotLookedAt() {
		assertThat(Money.parse(null)).isEmpty();
		assertThat(Money.parse("1".repeat(10_000))).isEmpty();
		assertThat(TypedNumbers.whole("1".repeat(10_000), 0, Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void percentagesGoFromZeroToAHundred() {
		assertThat(TypedNumbers.percent("22")).contains(new BigDecimal("22"));
		assertThat(TypedNumbers.percent("12,5")).contains(new BigDecimal("12.5"));
		assertThat(TypedNumbers.percent("100")).contains(new BigDecimal("100"));
		assertThat(TypedNumbers.percent("100,01")).isEmpty();
		assertThat(TypedNumbers.percent("-1")).isEmpty();
		assertThat(TypedNumbers.percent("1E+2")).isEmpty();
	}

	@Test
	void wholeNumbersArePlainDigitsWithinTheirRange() {
		assertThat(TypedNumbers.whole(" 42 ", 0, 99)).contains(42L);
		assertThat(TypedNumbers.whole("-3", -5, 5)).contains(-3L);
		assertThat(TypedNumbers.whole("100", 0, 99)).isEmpty();
		assertThat(TypedNumbers.whole("9223372036854775807", 0, Long.MAX_VALUE)).contains(Long.MAX_VALUE);
		for (String bad : new String[] { "99999999999999999999", "9999999999999999999", "0x10", "#10", "1e3", "+1",
				"1.0", "\u0661", "" }) {
			assertThat(TypedNumbers.whole(bad, Long.MIN_VALUE, Long.MAX_VALUE)).as(bad).isEmpty();
		}
	}

	/**
	 * An amount the database cannot hold is refused before it is rounded, which would
	 * take minutes.
	 */
	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void moneyHoldsOnlyWhatNumeric12Comma2Holds() {
		for (String huge : new String[] { "1E+10000000", "1E+999999999", "1e-999999999", "10000000000",
				"-10000000000" }) {
			assertThatThrownBy(() -> new Money(new BigDecimal(huge))).as(huge).isInstanceOf(ArithmeticException.class);
		}
		assertThat(Money.of("9999999999.99").toString()).isEqualTo("9999999999.99");
		assertThat(Money.of("0.001")).isEqualTo(Money.ZERO);
	}

}
