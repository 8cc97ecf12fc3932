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

	@Test
	void moneyAndPercentagesAreWrittenTheReadersWayOnEveryThread() throws Exception {
		LocaleContextHolder.setLocale(Locale.ITALIAN);
		assertThat(formats.money(Money.of("1234.5"))).isEqualTo("1.234,50\u00a0€");
		assertThat(formats.percent(new java.math.BigDecimal("12.50"))).isEqualTo("12,5%");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(formats.money(Money.of("1234.5"))).isEqualTo("€1,234.50");
		assertThat(formats.percent(new java.math.BigDecimal("12.50"))).isEqualTo("12.5%");
		// the formats are kept per thread: many threads at once each get their own
		java.util.List<java.util.concurrent.Callable<String>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String amount = i + ".25";
			boolean english = i % 2 == 0;
			calls.add(() -> {
				LocaleContextHolder.setLocale(english ? Locale.ENGLISH : Locale.ITALIAN);
				return formats.money(Money.of(amount));
			});
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var results = pool.invokeAll(calls);
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? "€" + i + ".25" : i + ",25\u00a0€");
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
