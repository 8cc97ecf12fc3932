package it.rivendo.services;

import java.util.List;
import java.util.Locale;

/**
 * What "In scadenza" shows: services whose date falls within {@code days} (30, 60 or 90)
 * calendar days, of one family and one product (empty: all), whose end customer's e-mail
 * contains {@code email} (lower case; empty: all).
 */
public record ExpiringFilter(int days, String family, String product, String email) {

	/** The choices the page offers; anything else reads as the first. */
	public static final List<Integer> DAYS = List.of(30, 60, 90);

	public ExpiringFilter {
		days = DAYS.contains(days) ? days : DAYS.get(0);
		family = family == null ? "" : family.strip();
		product = product == null ? "" : product.strip();
		email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** Everything expiring within the given days. */
	public static ExpiringFilter within(int days) {
		return new ExpiringFilter(days, "", "", "");
	}

	public boolean narrowed() {
		return !family.isEmpty() || !product.isEmpty() || !email.isEmpty();
	}

}
