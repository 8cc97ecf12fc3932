package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates are written one way in both languages, in Italy's time zone. */
class FormatsTests {

	private final Formats formats = new Formats();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void datesAndMomentsAreDayMonthYearInItalysTimeZone() {
		for (Locale locale : new Locale[] { Locale.ITALIAN, Locale.ENGLISH }) {
			LocaleContextHolder.setLocale(locale);
			assertThat(formats.dateTime(Instant.parse("2026-11-30T09:15:00Z"))).isEqualTo("30/11/2026 10:15");
			// summer time: 22:30 UTC is already the next day in Rome
			assertThat(formats.date(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo("01/07/2026");
			assertThat(formats.time(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo("00:30");
			assertThat(formats.day(LocalDate.of(2026, 3, 5))).isEqualTo("05/03/2026");
			assertThat(formats.month(YearMonth.of(2026, 3))).isEqualTo("03/2026");
		}
		assertThat(formats.date(null)).isEmpty();
		assertThat(formats.dateTime(null)).isEmpty();
	}

}
