package it.rivendo.security;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.shared.Money;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Twin requests: the same POST sent twice at once in one session, as a double click or a
 * retried callback does. Real HTTP and the real Spring Session in PostgreSQL, since the
 * twins meet in the session's rows: each one saves the flash message it leaves for the
 * next page, and neither may answer 500 because the other got there first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestShop.class)
@ExtendWith(CleanDatabaseExtension.class)
class TwinRequestsIT {

	private static final String RESELLER = "twins@test.it";

	private static final String STAFF = "staff-twins@test.it";

	private static final String STAFF_PASSWORD = "staff-password-1";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResellerAccounts accounts;

	@Autowired
	CreditLedger ledger;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller(RESELLER, "BASE", "100.00");
		accounts.openStaff(STAFF, "Staff", STAFF_PASSWORD);
	}

	@Test
	void aDoubleClickOnAButtonThatLeavesAMessageAnswersBothClicks() throws Exception {
		HttpBrowser browser = signedIn(RESELLER, TestShop.PASSWORD);
		String csrf = HttpBrowser.csrf(browser.get(url("/catalog")).body());
		List<Integer> statuses = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			statuses.addAll(Race.run(6,
					i -> post(browser, "/cart/items", Map.of("product", "REMOTA", "mode", "SPID", "_csrf", csrf))
						.statusCode()));
			// the next page shows the message and takes it out of the session
			assertThat(browser.get(url("/cart")).body()).contains("data-testid=\"flash-success\"");
		}
		assertThat(statuses).hasSize(30).containsOnly(302);
		assertThat(jdbc.sql("select quantity from cart_line").query(Integer.class).single()).isEqualTo(30);
	}

	@Test
	void aDoubleClickOnPayChargesOnceAndAnswersBothClicks() throws Exception {
		HttpBrowser browser = signedIn(RESELLER, TestShop.PASSWORD);
		String csrf = HttpBrowser.csrf(browser.get(url("/catalog")).body());
		post(browser, "/cart/items", Map.of("product", "REMOTA", "mode", "SPID", "_csrf", csrf));
		String page = browser.get(url("/checkout")).body();
		Map<String, String> form = new LinkedHashMap<>(fieldsOf(page, "data-testid=\"checkout-form\""));
		form.put("customerType", "COMPANY");
		form.put("confirmed", "true");
		form.put("_csrf", csrf);
		List<HttpResponse<String>> clicks = Race.run(4, i -> post(browser, "/checkout", form));
		assertThat(clicks).extracting(HttpResponse::statusCode).containsOnly(302);
		assertThat(clicks).extracting(click -> click.headers().firstValue("Location").orElseThrow())
			.hasSize(4)
			.allMatch(location -> location.matches(".*/orders/[0-9-]+/completed"))
			.containsOnly(clicks.get(0).headers().firstValue("Location").orElseThrow());
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isOne();
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("52.42"));
	}

	/**
	 * Every POST route, sent as twins with bad values, by a reseller and by staff: never
	 * a 500.
	 */
	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void twinsOfEveryPostWithBadInputAnswerNoError() throws Exception {
		Map<String, Long> before = BadInputIT.rowCounts(jdbc);
		List<String> failures = new ArrayList<>();
		int requests = 0;
		Map<HttpBrowser, String> homes = Map.of(signedIn(RESELLER, TestShop.PASSWORD), "/catalog",
				signedIn(STAFF, STAFF_PASSWORD), "/admin");
		for (var home : homes.entrySet()) {
			HttpBrowser browser = home.getKey();
			HttpResponse<String> page = browser.get(url(home.getValue()));
			assertThat(page.statusCode()).as(home.getValue() + ": " + page.body()).isEqualTo(200);
			String csrf = HttpBrowser.csrf(page.body());
			for (String route : postRoutes()) {
				for (String value : List.of("", "1E+10000000", "/catalog\r\nSet-Cookie: rivendo=1")) {
					Map<String, String> fields = new LinkedHashMap<>();
					BadInputIT.FIELDS.forEach(field -> fields.put(field, value));
					fields.put("_csrf", csrf);
					List<Integer> twins = Race.run(2, i -> post(browser, route, fields).statusCode());
					requests += twins.size();
					twins.stream()
						.filter(status -> status >= 500)
						.forEach(status -> failures.add(route + " with '" + value + "' -> " + status));
				}
			}
		}
		assertThat(failures).as("responses of 500 or more").isEmpty();
		assertThat(BadInputIT.rowCounts(jdbc)).as("rows per table after %d twin requests".formatted(requests))
			.isEqualTo(before);
		System.out.printf("[reliability] twins: %d requests (every POST route x 3 values x 2 roles, two at once in "
				+ "one session), 0 responses >= 500%n", requests);
	}

	private HttpBrowser signedIn(String email, String password) throws Exception {
		HttpBrowser browser = new HttpBrowser();
		String form = browser.get(url("/login")).body();
		HttpResponse<String> login = post(browser, "/login",
				Map.of("email", email, "password", password, "_csrf", HttpBrowser.csrf(form)));
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		return browser;
	}

	private HttpResponse<String> post(HttpBrowser browser, String path, Map<String, String> fields) {
		try {
			return browser.post(url(path), fields);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The POST routes with plausible path variables, but not those that end the session.
	 */
	private Set<String> postRoutes() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
					&& info.getPathPatternsCondition() != null) {
				info.getPathPatternsCondition()
					.getPatternValues()
					.forEach(pattern -> routes.add(pattern.replaceAll("\\{code}", "REMOTA")
						.replaceAll("\\{token}", "A".repeat(43))
						.replaceAll("\\{[^}]+}", "1")));
			}
		});
		routes.removeIf(path -> path.equals("/logout") || path.equals("/login"));
		return routes;
	}

	/**
	 * The text and hidden fields of the form marked with {@code marker}, as the page
	 * fills them in.
	 */
	private static Map<String, String> fieldsOf(String html, String marker) {
		String form = html.substring(html.indexOf(marker));
		form = form.substring(0, form.indexOf("</form>"));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input[^>]*>").matcher(form);
		while (input.find()) {
			if (input.group().contains("type=\"radio\"") || input.group().contains("type=\"checkbox\"")) {
				continue;
			}
			Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
			if (name.find() && value.find()) {
				fields.put(name.group(1), value.group(1).replace("&amp;", "&").replace("&#39;", "'"));
			}
		}
		return fields;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
