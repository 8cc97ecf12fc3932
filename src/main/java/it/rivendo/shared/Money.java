package it.rivendo.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount in euro, always with two decimals, rounded half-up. Never a {@code double}.
 * It holds what the database's {@code numeric(12,2)} holds, and nothing larger: an amount
 * with more than ten digits before the point, or more than {@value #MAX_SCALE} after it,
 * is refused before it is rounded (rounding {@code 1E+10000000} to the cent would build a
 * number of ten million digits).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	private static final int MAX_INTEGER_DIGITS = 10;

	private static final int MAX_SCALE = 32;

	public Money {
		Objects.requireNonNull(amount, "amount");
		if (amount.scale() > MAX_SCALE || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
			throw new ArithmeticException("Not an amount numeric(12,2) can hold");
		}
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * An amount written in code or configuration, e.g. {@code "39.00"}; text people type
	 * goes to {@link #parse}.
	 */
	public static Money of(String amount) {
		return new Money(new BigDecimal(amount));
	}

	/**
	 * An amount as people type it: digits, a minus, a comma or a dot and at most two
	 * decimals, up to 9,999,999.99 either way ({@link TypedNumbers#decimal}); anything
	 * else is empty.
	 */
	public static Optional<Money> parse(String typed) {
		return TypedNumbers.decimal(typed).map(Money::new);
	}

	/**
	 * An amount as a reader of this language types it, also with its thousands separators
	 * ({@link TypedNumbers#decimal(String, Locale)}).
	 */
	public static Optional<Money> parse(String typed, Locale locale) {
		return TypedNumbers.decimal(typed, locale).map(Money::new);
	}

	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	public Money plus(Money other) {
		return new Money(amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(other.amount));
	}

	public Money times(int quantity) {
		return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
	}

	/** This amount less a percentage discount, rounded half-up to the cent. */
	public Money discountedBy(BigDecimal percent) {
		BigDecimal factor = BigDecimal.valueOf(100).subtract(percent);
		return new Money(amount.multiply(factor).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
	}

	/** The given percentage of this amount (e.g. VAT), rounded half-up to the cent. */
	public Money percent(BigDecimal percent) {
		return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
	}

	public Money negate() {
		return new Money(amount.negate());
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	@Override
	public int compareTo(Money other) {
		return amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return amount.toPlainString();
	}
}
