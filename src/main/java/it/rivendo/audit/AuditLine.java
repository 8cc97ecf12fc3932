package it.rivendo.audit;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit page: a staff action or other recorded event ({@code AUDIT}) or a
 * credit movement ({@code CREDIT}), with who, when, what, to what, and the details
 * (before/after where there is one).
 */
public record AuditLine(String source, long id, Instant at, String actor, String action, @Nullable String target,
		@Nullable String detail) {

	/**
	 * What the modules write as a target: "reseller-2 Name" (credit movements), "reseller
	 * 2", "service-5", "support-3", "application 4", "tier GOLD".
	 */
	private static final Pattern KNOWN_TARGET = Pattern
		.compile("(reseller|service|support|application|tier)[- ]([A-Za-z0-9_-]+)(?: (.+))?");

	public boolean creditMovement() {
		return "CREDIT".equals(source);
	}

	/**
	 * The message key that says the action in words:
	 * {@code audit.action.CREDIT_PURCHASE}.
	 */
	public String actionKey() {
		return "audit.action." + action;
	}

	/**
	 * The kind of a target the page can name in words and link to (reseller, service,
	 * support, application, tier), or null for any other (a top-up's reference, a page).
	 */
	public @Nullable String targetKind() {
		Matcher known = knownTarget();
		return known == null ? null : known.group(1);
	}

	/** The target's id or code, with {@link #targetKind()}. */
	public @Nullable String targetRef() {
		Matcher known = knownTarget();
		return known == null ? null : known.group(2);
	}

	/** The target's name when the line carries it (a reseller's company), or null. */
	public @Nullable String targetName() {
		Matcher known = knownTarget();
		return known == null ? null : known.group(3);
	}

	private @Nullable Matcher knownTarget() {
		if (target == null) {
			return null;
		}
		Matcher matcher = KNOWN_TARGET.matcher(target);
		return matcher.matches() ? matcher : null;
	}
}
