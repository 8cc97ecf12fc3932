package it.rivendo.shared.web;

import it.rivendo.shared.Money;
import it.rivendo.shared.TypedNumbers;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.support.FormatterPropertyEditorAdapter;
import org.springframework.util.StringUtils;

/**
 * How request values become numbers: form fields, query parameters and path variables of
 * type {@link Money}, {@link BigDecimal}, {@link Long} and {@link Integer} (and
 * {@code long}, {@code int}) are read by {@link TypedNumbers} instead of Spring's
 * defaults, which hand any text to {@code new BigDecimal} or {@link Long#decode}. Text of
 * Amounts may carry the reader's thousands separators ({@code 1.234,50} in Italian,
 * {@code 1,234.50} in English). Text of another shape is a binding failure: a
 * {@code typeMismatch} message next to the field, with what was typed kept in it, or a
 * 400 page for a parameter.
 * <p>
 * The same formatters write amounts back into form fields the way the reader's language
 * writes them, without thousands separators so that they read back: {@code 50,00} in
 * Italian, {@code 50.00} in English. A template that shows an amount in an input outside
 * a bound form goes through them too, with Thymeleaf's {@code ${{amount}}}.
 */
public final class TypedNumberFormatters {

	private static final Formatter<BigDecimal> DECIMAL = new Bounded<>(TypedNumbers::decimal,
			TypedNumberFormatters::typed);

	private static final Formatter<Long> LONG = new Bounded<>(
			(text, locale) -> TypedNumbers.whole(text, Long.MIN_VALUE, Long.MAX_VALUE),
			(value, locale) -> value.toString());

	private static final Formatter<Integer> INTEGER = new Bounded<>(
			(text, locale) -> TypedNumbers.whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue),
			(value, locale) -> value.toString());

	private TypedNumberFormatters() {
	}

	/**
	 * A decimal as it is typed in the reader's language, which {@link TypedNumbers} reads
	 * back: {@code 1234,50} in Italian, {@code 1234.50} in English.
	 */
	public static String typed(BigDecimal value, Locale locale) {
		String plain = value.toPlainString();
		return locale != null && "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
	}

	/** Registered once, by the web configuration. */
	public static void registerWith(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Money.class,
				new Bounded<>(Money::parse, (money, locale) -> typed(money.amount(), locale)));
		registry.addFormatterForFieldType(BigDecimal.class, DECIMAL);
		registry.addFormatterForFieldType(Long.class, LONG);
		registry.addFormatterForFieldType(Integer.class, INTEGER);
	}

	/**
	 * Makes the formatters the only readers of {@code BigDecimal} and whole-number form
	 * fields, query parameters and path variables. Without this, a binder whose
	 * conversion failed falls back to the bean's default property editor:
	 * {@code new BigDecimal} binds {@code 1E+999999999} (which costs the heap when
	 * printed back) and keeps the three decimals of {@code 12.345}; {@link Long#decode}
	 * reads {@code 0x10} and {@code #10} as 16.
	 */
	public static void registerEditorsWith(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(BigDecimal.class, new FormatterPropertyEditorAdapter(DECIMAL));
		registry.registerCustomEditor(Long.class, new FormatterPropertyEditorAdapter(LONG));
		registry.registerCustomEditor(Integer.class, new FormatterPropertyEditorAdapter(INTEGER));
		registry.registerCustomEditor(long.class, new NoBlank(LONG));
		registry.registerCustomEditor(int.class, new NoBlank(INTEGER));
	}

	/** A primitive has no "nothing": blank text is a failure, as with Spring's editor. */
	private static final class NoBlank extends FormatterPropertyEditorAdapter {

		NoBlank(Formatter<?> formatter) {
			super(formatter);
		}

		@Override
		public void setAsText(String text) {
			if (!StringUtils.hasText(text)) {
				throw new IllegalArgumentException("No number given for a primitive");
			}
			super.setAsText(text);
		}

	}

	private record Bounded<T>(BiFunction<String, Locale, Optional<T>> reader,
			BiFunction<T, Locale, String> writer) implements Formatter<T> {

		@Override
		public T parse(String text, Locale locale) throws ParseException {
			return reader.apply(text, locale)
				.orElseThrow(() -> new ParseException("Not a number of the expected shape", 0));
		}

		@Override
		public String print(T value, Locale locale) {
			return writer.apply(value, locale);
		}
	}

}
