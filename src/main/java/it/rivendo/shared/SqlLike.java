package it.rivendo.shared;

import java.util.Locale;

/**
 * A search text made safe for SQL {@code LIKE}: its own {@code %} and {@code _} match
 * themselves.
 */
public final class SqlLike {

	private SqlLike() {
	}

	/**
	 * {@code %text%}, lower-cased and escaped with backslashes (PostgreSQL's default LIKE
	 * escape).
	 */
	public static String containing(String text) {
		String escaped = text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
