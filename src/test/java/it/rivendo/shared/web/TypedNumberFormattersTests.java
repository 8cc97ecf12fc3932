package it.rivendo.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.format.support.FormattingConversionService;

/**
 * Amounts go back into form fields as they are typed in the reader's language (the top-up
 * pre-filled from the cart said "50.00" to an Italian reader), and read back the same.
 */
class TypedNumberFormattersTests {

	final FormattingConversionService conversions = new FormattingConversionService();

	{
		TypedNumberFormatters.registerWith(conversions);
	}

	@Test
	void amountsAreWrittenWithTheLanguagesDecimalSeparatorAndNoThousandsSeparator() {
		assertThat(TypedNumberFormatters.typed(new BigDecimal("1234.50"), Locale.ITALIAN)).isEqualTo("1234,50");
		assertThat(TypedNumberFormatters.typed(new BigDecimal("-20.00"), Locale.ITALY)).isEqualTo("-20,00");
		assertThat(TypedNumberFormatters.typed(new BigDecimal("1234.50"), Locale.ENGLISH)).isEqualTo("1234.50");
		assertThat(TypedNumberFormatters.typed(new BigDecimal("15"), Locale.ITALIAN)).isEqualTo("15");
	}

	@Test
	void whatIsWrittenReadsBack() {
		for (Locale locale : new Locale[] { Locale.ITALIAN, Locale.ENGLISH }) {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
			try {
				String written = conversions.convert(Money.of("50.00"), String.class);
				assertThat(written).isEqualTo(locale == Locale.ITALIAN ? "50,00" : "50.00");
				assertThat(conversions.convert(written, Money.class)).isEqualTo(Money.of("50.00"));
				String percent = conversions.convert(new BigDecimal("12.5"), String.class);
				assertThat(conversions.convert(percent, BigDecimal.class)).isEqualByComparingTo("12.5");
			}
			finally {
				org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
			}
		}
	}

}
