package it.rivendo.credit.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a top-up started from another page returns once paid: only these known pages of
 * the shop, named in the address ({@code returnTo=checkout}); anything else is ignored,
 * so no redirect leaves the shop.
 */
enum TopUpReturn {

	CHECKOUT("/checkout");

	private final String path;

	TopUpReturn(String path) {
		this.path = path;
	}

	String path() {
		return path;
	}

	/** The name in the address: {@code checkout}. */
	String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<TopUpReturn> parse(@Nullable String typed) {
		return Arrays.stream(values()).filter(target -> target.param().equals(typed)).findFirst();
	}

}
