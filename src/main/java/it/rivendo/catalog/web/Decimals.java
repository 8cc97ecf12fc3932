package it.rivendo.catalog.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Amounts and percentages as staff type them: a dot or an Italian comma, at most two decimals, never a double. */
final class Decimals {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,10}([.,]\\d{1,2})?");
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Decimals() {
	}

	/** The amount typed, or {@code null} when it is not a non-negative number with at most two decimals. */
	static BigDecimal amount(String text) {
		String value = text == null ? "" : text.strip();
		return NUMBER.matcher(value).matches() ? new BigDecimal(value.replace(',', '.')) : null;
	}

	/** A percentage from 0 to 100 with at most two decimals, or {@code null}. */
	static BigDecimal percent(String text) {
		BigDecimal value = amount(text);
		return value != null && value.compareTo(HUNDRED) <= 0 ? value : null;
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
