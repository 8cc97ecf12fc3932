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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bad input everywhere: every form and query parameter of every route, as anonymous, reseller and staff, with
 * empty, oversized, wrong-type and malicious values. Every answer is a page (never a 500) and the database is
 * unchanged, apart from the logs that exist to record bad attempts (failed logins, wrong handoff codes, refusals).
 */
@WebIntegrationTest
class BadInputIT {

	/** Every field name the shop's forms and query strings use. */
	static final List<String> FIELDS = List.of("product", "mode", "quantity", "customerType", "companyName",
			"firstName", "lastName", "vatNumber", "taxCode", "street", "postalCode", "city", "province", "country",
			"sdiCode", "pec", "confirmed", "saveCustomer", "token", "expectedTotal", "email", "name", "password",
			"confirmation", "amount", "method", "billingConfirmed", "contactName", "phone", "termsAccepted", "reason",
			"until", "received", "receivedOn", "bankReference", "tier", "openingCredit", "outcome", "code", "path",
			"privacy", "terms", "mobile", "topic", "message", "orderNumber", "enabled", "answer", "percent", "familyCode",
			"nameIt", "nameEn", "vatRate", "sortOrder", "q", "family", "status", "page", "customer", "from", "to",
			"actor", "action", "day", "pending", "lang");

	static final Map<String, String> VALUES = Map.of("empty", "", "oversized", "x".repeat(10_000), "wrong type",
			"abc-not-a-number", "sql", "' OR 1=1; DROP TABLE purchase_order; --", "markup",
			"<script>alert(1)</script><img src=x onerror=alert(2)>", "control", "\u0000\u0007\r\n\t",
			"unicode", "\uD83D\uDE00 ü Ω \u202E gnp.exe", "negative", "-99999999999.999");

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

	@Test
	void noInputMakesA500OrChangesTheDatabase() throws Exception {
		Map<String, Long> before = rowCounts();
		int requests = 0;
		List<String> failures = new java.util.ArrayList<>();
		for (Object who : new Object[] { null, reseller, shop.staff() }) {
			for (var route : routes()) {
				for (var value : VALUES.entrySet()) {
					MockHttpServletRequestBuilder request = route.getValue() == RequestMethod.POST
							? post(route.getKey()).with(csrf()) : get(route.getKey());
					FIELDS.forEach(field -> request.param(field, value.getValue()));
					if (who != null) {
						request.with(user((ShopUser) who));
					}
					int status = mvc.perform(request).andReturn().getResponse().getStatus();
					requests++;
					if (status >= 500) {
						failures.add(route.getValue() + " " + route.getKey() + " with " + value.getKey() + " as " + who
								+ " -> " + status);
					}
				}
			}
		}
		assertThat(failures).as("responses of 500 or more").isEmpty();
		assertThat(rowCounts()).as("rows per table after %d bad requests".formatted(requests)).isEqualTo(before);
		System.out.printf("[reliability] bad input: %d requests (%d values x every route x 3 roles), 0 responses "
				+ ">= 500, 0 rows changed outside the attempt logs%n", requests, VALUES.size());
	}

	private List<Map.Entry<String, RequestMethod>> routes() {
		Map<String, RequestMethod> routes = new TreeMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			RequestMethod method = methods.contains(RequestMethod.POST) ? RequestMethod.POST : RequestMethod.GET;
			if (info.getPathPatternsCondition() != null) {
				info.getPathPatternsCondition().getPatternValues().forEach(pattern -> routes.put(fill(pattern), method));
			}
		});
		routes.keySet().removeIf(path -> path.startsWith("/error") || path.equals("/logout"));
		return List.copyOf(routes.entrySet());
	}

	private static String fill(String pattern) {
		return pattern.replaceAll("\\{code}", "REMOTA")
			.replaceAll("\\{token}", "A".repeat(43))
			.replaceAll("\\{[a-zA-Z]*[iI]d}", "1")
			.replaceAll("\\{[^}]+}", "x%27%3Cb%3E");
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		Set<String> tables = new TreeSet<>(
				jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list());
		tables.removeAll(LOGS);
		tables.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
		return counts;
	}
}
