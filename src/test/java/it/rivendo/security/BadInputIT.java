package it.rivendo.security;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Bad input everywhere: every form and query parameter, and every path variable, of every
 * route, as anonymous, reseller and staff, with empty, oversized, wrong-type, malicious
 * and numerically absurd values. Every answer is a page (never a 500), none takes long
 * (the sweeps have a time limit, since a number read the old way ran for minutes) and the
 * database is unchanged, apart from the logs that exist to record bad attempts (failed
 * logins, wrong handoff codes, refusals). Twin requests in one real session are in
 * {@link TwinRequestsIT}.
 */
@WebIntegrationTest
class BadInputIT {

	/** Every field name the shop's forms and query strings use. */
	static final List<String> FIELDS = List.of("product", "mode", "quantity", "customerType", "companyName",
			"firstName", "lastName", "vatNumber", "taxCode", "street", "postalCode", "city", "province", "country",
			"sdiCode", "pec", "confirmed", "saveCustomer", "token", "expectedTotal", "email", "name", "password",
			"confirmation", "amount", "method", "billingConfirmed", "contactName", "phone", "termsAccepted", "reason",
			"until", "received", "receivedOn", "bankReference", "tier", "openingCredit", "outcome", "code", "path",
			"privacy", "terms", "mobile", "topic", "message", "orderNumber", "enabled", "answer", "percent",
			"familyCode", "nameIt", "nameEn", "vatRate", "sortOrder", "q", "family", "status", "page", "customer",
			"from", "to", "actor", "action", "day", "pending", "lang");

	/**
	 * The kinds of bad value. Numbers in scientific notation cost BigDecimal nothing to
	 * read but minutes to scale ({@code 1E+10000000}) or an exception
	 * ({@code 1E+999999999}); the line breaks start like a page that can be continued on
	 * a phone.
	 */
	static final Map<String, String> VALUES = values("empty", "", "oversized", "x".repeat(10_000), "wrong type",
			"abc-not-a-number", "sql", "' OR 1=1; DROP TABLE purchase_order; --", "markup",
			"<script>alert(1)</script><img src=x onerror=alert(2)>", "control", "\u0000\u0007\r\n\t", "unicode",
			"\uD83D\uDE00 ü Ω \u202E gnp.exe", "negative", "-99999999999.999", "scientific", "1E+10000000",
			"huge exponent", "1E+999999999", "tiny exponent", "1e-999999999", "overflow", "99999999999", "line breaks",
			"/catalog\r\nSet-Cookie: rivendo=1");

	/** Tables that record bad attempts on purpose. */
	static final Set<String> LOGS = Set.of("login_attempt", "handoff_failure", "audit_event", "spring_session",
			"spring_session_attributes", "flyway_schema_history");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.userOf(shop.reseller("owner@test.it", "BASE", "100.00"), "owner@test.it");
	}

	// generous: the sweep takes under a minute; before, one amount alone ran for more
	// than ten minutes
	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void noInputMakesA500OrChangesTheDatabase() throws Exception {
		int requests = sweep(routes(true), (route, value) -> {
			MockHttpServletRequestBuilder request = request(route.getValue(), route.getKey());
			FIELDS.forEach(field -> request.param(field, value));
			return request;
		});
		System.out.printf("[reliability] bad input: %d requests (%d values x every route x 3 roles), 0 responses "
				+ ">= 500, 0 rows changed outside the attempt logs%n", requests, VALUES.size());
	}

	/** The same values in the path, in place of ids, codes, numbers and tokens. */
	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void noPathVariableMakesA500OrChangesTheDatabase() throws Exception {
		int requests = sweep(routes(false),
				(route, value) -> request(route.getValue(), route.getKey()
					.replaceAll("\\{[^}]+}",
							Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)))));
		System.out.printf(
				"[reliability] bad path variables: %d requests (%d values x every route with a variable x "
						+ "3 roles), 0 responses >= 500, 0 rows changed outside the attempt logs%n",
				requests, VALUES.size());
	}

	/**
	 * Sends each route with each bad value, as anonymous, reseller and staff; asserts
	 * that none answered 500 or more and that no table changed outside the attempt logs.
	 * Answers how many requests were sent.
	 */
	private int sweep(List<Map.Entry<String, RequestMethod>> routes,
			BiFunction<Map.Entry<String, RequestMethod>, String, MockHttpServletRequestBuilder> requestFor) {
		Map<String, Long> before = rowCounts(jdbc);
		int requests = 0;
		List<String> failures = new ArrayList<>();
		for (ShopUser who : Arrays.asList(null, reseller, shop.staff())) {
			for (var route : routes) {
				for (var value : VALUES.entrySet()) {
					MockHttpServletRequestBuilder request = requestFor.apply(route, value.getValue());
					if (who != null) {
						request.with(user(who));
					}
					String status = status(request);
					requests++;
					if (status.startsWith("5")) {
						failures.add(route.getValue() + " " + route.getKey() + " with " + value.getKey() + " as " + who
								+ " -> " + status);
					}
				}
			}
		}
		assertThat(failures).as("responses of 500 or more").isEmpty();
		assertThat(rowCounts(jdbc)).as("rows per table after %d bad requests".formatted(requests)).isEqualTo(before);
		return requests;
	}

	private static MockHttpServletRequestBuilder request(RequestMethod method, String path) {
		return method == RequestMethod.POST ? post(URI.create(path)).with(csrf()) : get(URI.create(path));
	}

	/**
	 * The error page asked for by name is a page that does not exist, not a server error.
	 */
	@Test
	void theErrorPageOnItsOwnIsNotFound() throws Exception {
		for (ShopUser who : Arrays.asList(null, reseller, shop.staff())) {
			MockHttpServletRequestBuilder request = get("/error");
			if (who != null) {
				request.with(user(who));
			}
			assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as("GET /error as " + who)
				.isEqualTo(404);
		}
	}

	/**
	 * Every route, with its path variables filled with plausible values, or as patterns
	 * when not {@code filled}.
	 */
	private List<Map.Entry<String, RequestMethod>> routes(boolean filled) {
		Map<String, RequestMethod> routes = new TreeMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			RequestMethod method = methods.contains(RequestMethod.POST) ? RequestMethod.POST : RequestMethod.GET;
			if (info.getPathPatternsCondition() != null) {
				info.getPathPatternsCondition()
					.getPatternValues()
					.forEach(pattern -> routes.put(filled ? fill(pattern) : pattern, method));
			}
		});
		routes.keySet().removeIf(path -> path.equals("/logout") || (!filled && !path.contains("{")));
		return List.copyOf(routes.entrySet());
	}

	private static String fill(String pattern) {
		return pattern.replaceAll("\\{code}", "REMOTA")
			.replaceAll("\\{token}", "A".repeat(43))
			.replaceAll("\\{[a-zA-Z]*[iI]d}", "1")
			.replaceAll("\\{[^}]+}", "x%27%3Cb%3E");
	}

	/**
	 * The status, or 500 and the reason when the request fails with an exception no
	 * handler answered.
	 */
	private String status(MockHttpServletRequestBuilder request) {
		try {
			return String.valueOf(mvc.perform(request).andReturn().getResponse().getStatus());
		}
		catch (Exception ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			return "500 " + cause;
		}
	}

	private static Map<String, String> values(String... namesAndValues) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(values);
	}

	/** Rows per table, but for the tables that record bad attempts on purpose. */
	static Map<String, Long> rowCounts(JdbcClient jdbc) {
		Map<String, Long> counts = new TreeMap<>();
		Set<String> tables = new TreeSet<>(
				jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list());
		tables.removeAll(LOGS);
		tables
			.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
		return counts;
	}

}
