package it.rivendo.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit page: a staff action or other recorded event ({@code AUDIT}) or a
 * credit movement ({@code CREDIT}), with who, when, what, to what, and the details
 * (before/after where there is one).
 */
public record AuditLine(String source, long id, Instant at, String actor, String action, @Nullable String target,
		@Nullable String detail) {

	public boolean creditMovement() {
		return "CREDIT".equals(source);
	}
}
