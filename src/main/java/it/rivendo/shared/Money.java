package it.rivendo.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in euro, always with two decimals, rounded half-up. Never a {@code double}.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		Objects.requireNonNull(amount, "amount");
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money of(String amount) {
		return new Money(new BigDecimal(amount));
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
