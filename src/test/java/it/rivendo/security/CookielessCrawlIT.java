package it.rivendo.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.Routes;
import it.rivendo.support.TestShop;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * A crawler without cookies writes nothing into the database, whatever it opens: no
 * session row for a CSRF token, a saved request or a flash message. The forms it gets
 * still carry a CSRF token that works. Real HTTP, so that Spring Session's filter and the
 * cookies are the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestShop.class)
@ExtendWith(CleanDatabaseExtension.class)
class CookielessCrawlIT {

	private static final String EMAIL = "crawl@test.it";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeEach
	void reseller() {
		shop.tier("BASE", "0");
		shop.reseller(EMAIL, "BASE", "100.00");
	}

	@Test
	void everyGetWithoutCookiesLeavesEveryTableAsItWas() throws Exception {
		Map<String, Long> before = rowCounts();
		List<String> paths = new ArrayList<>(Routes.of(mappings, RequestMethod.GET));
		paths.addAll(List.of("/", "/does-not-exist", "/login?error", "/login?locked", "/login?logout",
				"/contact?lang=en", "/catalog?lang=en", "/error"));
		List<String> failures = new ArrayList<>();
		for (String path : paths) {
			HttpResponse<String> response = new HttpBrowser().get(url(path));
			if (response.statusCode() >= 500 && !path.equals("/error")) {
				failures.add("GET " + path + " -> " + response.statusCode());
			}
			if (response.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("SESSION="))) {
				failures.add("GET " + path + " started a session");
			}
		}
		assertThat(failures).isEmpty();
		assertThat(rowCounts()).as("rows per table after %d cookieless GETs".formatted(paths.size())).isEqualTo(before);
		assertThat(before).containsEntry("spring_session", 0L);
		System.out.printf("[security] cookieless crawl: %d GETs, 0 sessions, 0 rows written%n", paths.size());
	}

	@Test
	void aLiveHandoffLinkOpenedWithoutCookiesShowsWhoAndWritesNothing() throws Exception {
		HttpBrowser computer = new HttpBrowser();
		computer.post(url("/login"), Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf",
				HttpBrowser.csrf(computer.get(url("/login")).body())));
		computer.post(url("/account/handoff"),
				Map.of("path", "/cart", "_csrf", HttpBrowser.csrf(computer.get(url("/cart")).body())));
		Matcher link = Pattern.compile("data-testid=\"handoff-url\">[^<]*(/handoff/[A-Za-z0-9_-]{43})<")
			.matcher(computer.get(url("/account/handoff")).body());
		assertThat(link.find()).isTrue();
		Map<String, Long> before = rowCounts();

		HttpResponse<String> phone = new HttpBrowser().get(url(link.group(1)));
		assertThat(phone.statusCode()).isEqualTo(200);
		assertThat(phone.body()).contains(EMAIL).contains("name=\"_csrf\"");
		assertThat(phone.headers().allValues("Set-Cookie"))
			.noneSatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void theFormsACrawlerGetsStillWork() throws Exception {
		HttpBrowser browser = new HttpBrowser();
		HttpResponse<String> loginPage = browser.get(url("/login"));
		assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly").contains("SameSite=Lax"));

		// a wrong token is refused, the page's token works
		assertThat(browser.post(url("/login"), Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf", "forged"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> wrong = browser.post(url("/login"),
				Map.of("email", EMAIL, "password", "wrong-password", "_csrf", HttpBrowser.csrf(loginPage.body())));
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
		// the e-mail typed is kept for the next try, without a session
		HttpResponse<String> again = browser.get(url("/login?error"));
		assertThat(again.body()).contains("value=\"" + EMAIL + "\"").contains("E-mail o password non corretti");
		assertThat(count("spring_session")).isZero();

		HttpResponse<String> login = browser.post(url("/login"),
				Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf", HttpBrowser.csrf(again.body())));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
		assertThat(count("spring_session")).isEqualTo(1);

		// the token changed at login; the pages after it carry the new one, and it works
		HttpResponse<String> contact = browser.get(url("/contact"));
		assertThat(
				browser
					.post(url("/contact"),
							Map.of("topic", "OTHER", "message", "Una domanda", "_csrf",
									HttpBrowser.csrf(contact.body())))
					.headers()
					.firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/contact"));
		assertThat(browser.get(url("/contact")).body()).contains("Richiesta inviata");
		HttpResponse<String> logout = browser.post(url("/logout"),
				Map.of("_csrf", HttpBrowser.csrf(browser.get(url("/catalog")).body())));
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
		assertThat(count("spring_session")).isZero();
	}

	@Test
	void thePageAskedForBeforeLoginIsWhereTheLoginLeads() throws Exception {
		HttpBrowser browser = new HttpBrowser();
		assertThat(browser.get(url("/account/credit")).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
		assertThat(count("spring_session")).isZero();
		String form = browser.get(url("/login")).body();
		HttpResponse<String> login = browser.post(url("/login"),
				Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf", HttpBrowser.csrf(form)));
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).contains("/account/credit"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private Map<String, Long> rowCounts() {
		return Routes.rowCounts(jdbc);
	}

}
