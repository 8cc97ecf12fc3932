package it.rivendo.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, percentages and dates written the way the reader's language writes them;
 * templates reach it as {@code fmt}. Times are shown in Italy's time zone, where the shop
 * works.
 */
@Component("fmt")
public class Formats {

	public static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Rome");

	public String money(Money money) {
		if (money == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(money.amount());
	}

	public String percent(BigDecimal percent) {
		if (percent == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(2);
		return format.format(percent) + "%";
	}

	public String dateTime(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
					.withLocale(locale())
					.format(instant.atZone(SHOP_ZONE));
	}

	/** The hour and minute, e.g. 14:05. */
	public String time(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(SHOP_ZONE));
	}

	public String date(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(locale())
					.format(instant.atZone(SHOP_ZONE));
	}

	public String day(java.time.LocalDate day) {
		return day == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
	}

	private static Locale locale() {
		Locale locale = LocaleContextHolder.getLocale();
		return "en".equals(locale.getLanguage()) ? Locale.UK : Locale.ITALY;
	}

}
