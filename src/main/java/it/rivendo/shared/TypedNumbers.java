package it.rivendo.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people type them, read before anything else sees them: ASCII digits, a minus
 * in front, one decimal separator (the Italian comma or a dot) and at most two decimals,
 * within a bound; with {@link #decimal(String, Locale)} also the language's thousands
 * separators (a group never starts with 0: {@code 0.500} is not 500). No exponent, no
 * digits of other scripts, no {@code 0x}. The shape and the length are checked before
 * {@link BigDecimal} or {@link Long} is asked: {@code 1E+10000000} is twelve characters
 * that cost a minute of CPU once scaled to cents, and {@code 99999999999} overflows the
 * database's {@code numeric(12,2)}. Text that is not a number here is answered with a
 * message, never read some other way.
 */
public final class TypedNumbers {

	/**
	 * The largest amount typed anywhere in the shop: well inside {@code numeric(12,2)}.
	 */
	public static final BigDecimal MAX_DECIMAL = new BigDecimal("9999999.99");

	/**
	 * Longer text is not looked at: "-9999999,99" has 11 characters, the longest long 20.
	 */
	static final int MAX_LENGTH = 20;

	private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,7})(?:[.,](\\d{1,2}))?");

	/** Thousands in groups of three: 1.234.567,89 (never 0.500, 00.000). */
	private static final Pattern GROUPED_ITALIAN = Pattern.compile("-?[1-9]\\d{0,2}(?:\\.\\d{3})+(?:,\\d{1,2})?");

	/** Thousands in groups of three: 1,234,567.89 (never 0,500, 00,000). */
	private static final Pattern GROUPED_ENGLISH = Pattern.compile("-?[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d{1,2})?");

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,19}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private TypedNumbers() {
	}

	/**
	 * An amount from -9,999,999.99 to 9,999,999.99 with at most two decimals
	 * ({@code 1234,5}, {@code -20.00}), or nothing. Spaces around are ignored.
	 */
	public static Optional<BigDecimal> decimal(String text) {
		String value = shortStripped(text);
		Matcher matcher = DECIMAL.matcher(value);
		return matcher.matches() ? Optional.of(new BigDecimal(value.replace(',', '.'))) : Optional.empty();
	}

	/**
	 * An amount as a reader of this language types it: as {@link #decimal(String)}, or
	 * with the language's thousands separators in groups of three ({@code 1.234,50} in
	 * Italian, {@code 1,234.50} in English). The other language's grouping is not a
	 * number here: {@code 1,234} is not 1234 in Italian, where the comma separates
	 * decimals, nor {@code 1.234} in English.
	 */
	public static Optional<BigDecimal> decimal(String text, Locale locale) {
		Optional<BigDecimal> plain = decimal(text);
		if (plain.isPresent()) {
			return plain;
		}
		boolean english = locale != null && "en".equals(locale.getLanguage());
		String value = shortStripped(text);
		if (!(english ? GROUPED_ENGLISH : GROUPED_ITALIAN).matcher(value).matches()) {
			return Optional.empty();
		}
		return decimal(value.replace(english ? "," : ".", ""));
	}

	/** A percentage from 0 to 100 with at most two decimals, or nothing. */
	public static Optional<BigDecimal> percent(String text) {
		return decimal(text).filter(value -> value.signum() >= 0 && value.compareTo(HUNDRED) <= 0);
	}

	/** A whole number from {@code min} to {@code max}, in plain digits, or nothing. */
	public static Optional<Long> whole(String text, long min, long max) {
		String value = shortStripped(text);
		if (!WHOLE.matcher(value).matches()) {
			return Optional.empty();
		}
		try {
			long number = Long.parseLong(value);
			return number >= min && number <= max ? Optional.of(number) : Optional.empty();
		}
		catch (NumberFormatException ex) { // 19 digits beyond the largest long
			return Optional.empty();
		}
	}

	private static String shortStripped(String text) {
		String value = text == null ? "" : text.strip();
		return value.length() > MAX_LENGTH ? "" : value;
	}

}
