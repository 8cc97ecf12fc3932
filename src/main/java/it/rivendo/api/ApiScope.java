package it.rivendo.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a key may do: read only, or also order and associate. */
public enum ApiScope {

	READ, READ_WRITE;

	/** The name the API and its documentation use: {@code read}, {@code read_write}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ApiScope> ofWireName(String name) {
		return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst();
	}

	/** Whether it allows writing (POST): only {@link #READ_WRITE}. */
	public boolean writes() {
		return this == READ_WRITE;
	}

	public String messageKey() {
		return "api.scope." + name();
	}

}
