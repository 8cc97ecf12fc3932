package it.rivendo.shared.web;

import it.rivendo.shared.Money;
import it.rivendo.shared.TypedNumbers;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.support.FormatterPropertyEditorAdapter;

/**
 * How request values become numbers: form fields, query parameters and path variables of
 * type {@link Money}, {@link BigDecimal}, {@link Long} and {@link Integer} (and
 * {@code long}, {@code int}) are read by {@link TypedNumbers} instead of Spring's
 * defaults, which hand any text to {@code new BigDecimal} or {@link Long#decode}. Text of
 * another shape is a binding failure: a {@code typeMismatch} message next to the field,
 * with what was typed kept in it, or a 400 page for a parameter.
 */
public final class TypedNumberFormatters {

	private static final Formatter<BigDecimal> DECIMAL = new Bounded<>(TypedNumbers::decimal,
			BigDecimal::toPlainString);

	private TypedNumberFormatters() {
	}

	/** Registered once, by the web configuration. */
	public static void registerWith(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Money.class, new Bounded<>(Money::parse, Money::toString));
		registry.addFormatterForFieldType(BigDecimal.class, DECIMAL);
		registry.addFormatterForFieldType(Long.class,
				new Bounded<>(text -> TypedNumbers.whole(text, Long.MIN_VALUE, Long.MAX_VALUE), String::valueOf));
		registry.addFormatterForFieldType(Integer.class,
				new Bounded<>(
						text -> TypedNumbers.whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue),
						String::valueOf));
	}

	/**
	 * Makes the formatter the only reader of {@code BigDecimal} form fields. Without
	 * this, a binder whose conversion failed falls back to the bean's default property
	 * editor, which hands the text to {@code new BigDecimal}: {@code
	 * 1E+999999999} is then bound (and costs the heap when printed back) and
	 * {@code 12.345} keeps three decimals.
	 */
	public static void registerEditorsWith(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(BigDecimal.class, new FormatterPropertyEditorAdapter(DECIMAL));
	}

	private record Bounded<T>(Function<String, Optional<T>> reader,
			Function<T, String> writer) implements Formatter<T> {

		@Override
		public T parse(String text, Locale locale) throws ParseException {
			return reader.apply(text).orElseThrow(() -> new ParseException("Not a number of the expected shape", 0));
		}

		@Override
		public String print(T value, Locale locale) {
			return writer.apply(value);
		}
	}

}
