package it.rivendo.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The opaque cursor of the API's lists: where the next slice starts. Clients pass back
 * what {@code next_cursor} said and read nothing into it (today it is the last id seen,
 * base64url-encoded; it may change).
 */
final class ApiCursor {

	/** How many rows a slice has unless {@code limit} says otherwise. */
	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 100;

	private ApiCursor() {
	}

	static String encode(long lastId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("v1:" + lastId).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The id the slice starts below; null for the first slice.
	 * @throws BadRequest when the cursor is not one the API gave
	 */
	static @Nullable Long decode(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
			if (text.startsWith("v1:")) {
				return Long.parseLong(text.substring(3));
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64, or not a number: said below
		}
		throw new BadRequest("cursor", "api.cursor.invalid");
	}

	/**
	 * The limit asked for, or the default.
	 * @throws BadRequest when it is not 1 to {@value #MAX_LIMIT}
	 */
	static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadRequest("limit", "api.limit.invalid", MAX_LIMIT);
		}
		return limit;
	}

	/**
	 * A slice from rows read with one more than the limit: the extra one only says there
	 * is a next slice.
	 */
	static <R, T> ApiJson.Slice<T> slice(List<R> rows, int limit, ToLongFunction<R> id,
			java.util.function.Function<R, T> json) {
		boolean more = rows.size() > limit;
		List<R> shown = more ? rows.subList(0, limit) : rows;
		return new ApiJson.Slice<>(shown.stream().map(json).toList(),
				more ? encode(id.applyAsLong(shown.get(shown.size() - 1))) : null);
	}

	/** A query parameter the API cannot use: 400 with the parameter named. */
	static final class BadRequest extends RuntimeException {

		private final String parameter;

		private final String messageKey;

		private final transient Object[] arguments;

		BadRequest(String parameter, String messageKey, Object... arguments) {
			super(messageKey, null, false, false);
			this.parameter = parameter;
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		String parameter() {
			return parameter;
		}

		String messageKey() {
			return messageKey;
		}

		Object[] arguments() {
			return arguments;
		}

	}

}
