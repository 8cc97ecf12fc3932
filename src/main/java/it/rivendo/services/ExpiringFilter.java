package it.rivendo.services;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What "In scadenza" shows: services whose date falls within {@code days} (30, 60 or 90)
 * calendar days, of one family and one product (empty: all), whose end customer's e-mail
 * contains {@code email} (lower case; empty: all), bought by the user {@code placedBy}
 * (null: by anyone of the team).
 */
public record ExpiringFilter(int days, String family, String product, String email, @Nullable Long placedBy) {

	/** The choices the page offers; anything else reads as the first. */
	public static final List<Integer> DAYS = List.of(30, 60, 90);

	public ExpiringFilter {
		days = DAYS.contains(days) ? days : DAYS.get(0);
		family = family == null ? "" : family.strip();
		product = product == null ? "" : product.strip();
		email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** What the reseller typed, for the services of the whole team. */
	public ExpiringFilter(int days, String family, String product, String email) {
		this(days, family, product, email, null);
	}

	/** Everything expiring within the given days. */
	public static ExpiringFilter within(int days) {
		return new ExpiringFilter(days, "", "", "");
	}

	/**
	 * The same filter on the services one user bought (an Operatore who sees only its
	 * own); null keeps the whole team's.
	 */
	public ExpiringFilter boughtBy(@Nullable Long userId) {
		return new ExpiringFilter(days, family, product, email, userId);
	}

	/**
	 * Whether the reseller narrowed the list (who bought it is not the reseller's pick).
	 */
	public boolean narrowed() {
		return !family.isEmpty() || !product.isEmpty() || !email.isEmpty();
	}

}
