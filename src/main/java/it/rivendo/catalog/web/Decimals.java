package it.rivendo.catalog.web;

import it.rivendo.shared.TypedNumbers;
import java.math.BigDecimal;

/** Prices and percentages as staff type them, read by {@link TypedNumbers}: never negative, never a double. */
final class Decimals {

	private Decimals() {
	}

	/** The amount typed, or {@code null} when it is not a non-negative amount with at most two decimals. */
	static BigDecimal amount(String text) {
		return TypedNumbers.decimal(text).filter(value -> value.signum() >= 0).orElse(null);
	}

	/** A percentage from 0 to 100 with at most two decimals, or {@code null}. */
	static BigDecimal percent(String text) {
		return TypedNumbers.percent(text).orElse(null);
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
