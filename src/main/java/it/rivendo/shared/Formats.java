package it.rivendo.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and percentages written the way the reader's language writes them, dates one way
 * for everyone (30/11/2026, 30/11/2026 10:15); templates and e-mails reach it as
 * {@code fmt}. Times are shown in Italy's time zone, where the shop works.
 */
@Component("fmt")
public class Formats {

	public static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Rome");

	/**
	 * Dates are written one way in both languages (not the locale's three: "30 nov 2026",
	 * "30/11/26, 10:15", "30/11/2026").
	 */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	/**
	 * The number formats of both languages, one set per thread (a NumberFormat is not
	 * thread-safe): building one from the locale's data at every call was a tenth of the
	 * catalog page's CPU (issue 22).
	 */
	private static final ThreadLocal<NumberFormats> NUMBER_FORMATS = ThreadLocal.withInitial(NumberFormats::new);

	public String money(Money money) {
		if (money == null) {
			return "";
		}
		return NUMBER_FORMATS.get().money(english()).format(money.amount());
	}

	public String percent(BigDecimal percent) {
		if (percent == null) {
			return "";
		}
		return NUMBER_FORMATS.get().percent(english()).format(percent) + "%";
	}

	/**
	 * A date-time, e.g. 30/11/2026 10:15, in Italy's time zone: the one way pages and
	 * e-mails write a moment.
	 */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(SHOP_ZONE));
	}

	/** The hour and minute, e.g. 14:05. */
	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(SHOP_ZONE));
	}

	/** The day a moment falls on in Italy, e.g. 30/11/2026. */
	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(SHOP_ZONE));
	}

	/** A calendar day, e.g. 30/11/2026. */
	public String day(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	/** A month, e.g. 11/2026 (the dashboard chart's axis). */
	public String month(YearMonth month) {
		return month == null ? "" : MONTH.format(month);
	}

	/** English readers get British formats, everyone else Italian ones. */
	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	/** Euro amounts and percentages, in Italian and in British English. */
	private static final class NumberFormats {

		private final NumberFormat moneyIt = money(Locale.ITALY);

		private final NumberFormat moneyEn = money(Locale.UK);

		private final NumberFormat percentIt = percent(Locale.ITALY);

		private final NumberFormat percentEn = percent(Locale.UK);

		NumberFormat money(boolean english) {
			return english ? this.moneyEn : this.moneyIt;
		}

		NumberFormat percent(boolean english) {
			return english ? this.percentEn : this.percentIt;
		}

		private static NumberFormat money(Locale locale) {
			NumberFormat format = NumberFormat.getCurrencyInstance(locale);
			format.setCurrency(Currency.getInstance("EUR"));
			return format;
		}

		private static NumberFormat percent(Locale locale) {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMaximumFractionDigits(2);
			return format;
		}

	}

}
