package it.rivendo.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A key as the API page lists it: never its secret. */
public record ApiKeyView(long id, String name, ApiScope scope, String prefix, Instant createdAt, String createdBy,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

}
