package it.rivendo.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What crawling tests need: every mapped route of a method, and the row count of every
 * table.
 */
public final class Routes {

	private Routes() {
	}

	/**
	 * Every mapped path for the method (a mapping without a method counts as GET), with
	 * path variables filled in with something plausible; without the error page and
	 * logout.
	 */
	public static List<String> of(RequestMappingHandlerMapping mappings, RequestMethod method) {
		Set<String> paths = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean matches = info.getMethodsCondition().getMethods().contains(method)
					|| (method == RequestMethod.GET && info.getMethodsCondition().getMethods().isEmpty());
			if (matches && info.getPathPatternsCondition() != null) {
				info.getPathPatternsCondition().getPatternValues().forEach(pattern -> paths.add(fill(pattern)));
			}
		});
		paths.removeIf(path -> path.startsWith("/error") || path.equals("/logout"));
		return new ArrayList<>(paths);
	}

	private static String fill(String pattern) {
		return pattern.replaceAll("\\{code}", "REMOTA")
			.replaceAll("\\{token}", "A".repeat(43))
			.replaceAll("\\{reference}", "RIC-2026-000001")
			.replaceAll("\\{providerReference}", "x")
			.replaceAll("\\{number}", "2026-000001")
			.replaceAll("\\{[a-zA-Z]*[iI]d}", "1")
			.replaceAll("\\{[^}]+}", "x");
	}

	/** Row counts of every table of the shop but the given ones (and Flyway's). */
	public static Map<String, Long> rowCounts(JdbcClient jdbc, String... except) {
		Map<String, Long> counts = new TreeMap<>();
		Set<String> skipped = new TreeSet<>(List.of(except));
		skipped.add("flyway_schema_history");
		jdbc.sql("select tablename from pg_tables where schemaname = 'public'")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !skipped.contains(table))
			.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
		return counts;
	}

}
