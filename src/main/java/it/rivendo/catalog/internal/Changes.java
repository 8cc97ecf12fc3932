package it.rivendo.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Before/after of a staff edit for the audit trail: {@code field: old → new} for each
 * field that changed.
 */
public final class Changes {

	private Changes() {
	}

	public static String between(Map<String, String> before, Map<String, String> after) {
		Set<String> fields = new LinkedHashSet<>(before.keySet());
		fields.addAll(after.keySet());
		List<String> changed = new ArrayList<>();
		for (String field : fields) {
			String old = before.get(field);
			String now = after.get(field);
			if (!Objects.equals(old, now)) {
				changed.add(field + ": " + show(old) + " → " + show(now));
			}
		}
		return changed.isEmpty() ? "no changes" : String.join("; ", changed);
	}

	private static String show(String value) {
		return value == null ? "—" : "\"" + value + "\"";
	}

}
