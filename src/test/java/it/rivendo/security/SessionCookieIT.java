package it.rivendo.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.TestShop;
import it.rivendo.support.TestDatabaseCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The cookies and HSTS as a real server sends them, directly and behind a TLS proxy: the
 * CSRF token's cookie on the login form, and the session's once signed in.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestShop.class)
@ExtendWith(CleanDatabaseExtension.class)
class SessionCookieIT {

	private static final String EMAIL = "cookies@test.it";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@BeforeEach
	void reseller() {
		shop.tier("BASE", "0");
		shop.reseller(EMAIL, "BASE", "0");
	}

	@Test
	void theCookiesAreHttpOnlyAndSameSiteAndSecureBehindTls() throws Exception {
		List<String> plain = login(false);
		assertThat(plain).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure"));
		assertThat(plain).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure"));

		List<String> proxied = login(true);
		assertThat(proxied)
			.anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure").contains("HttpOnly"));
		assertThat(proxied)
			.anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
	}

	@Test
	void hstsOnlyBehindTls() throws Exception {
		HttpBrowser browser = new HttpBrowser();
		assertThat(browser.get(url()).headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(browser.get(url(), "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
	}

	/** The Set-Cookie headers of the login form and of signing in through it. */
	private List<String> login(boolean behindTls) throws Exception {
		HttpBrowser browser = new HttpBrowser();
		String[] headers = behindTls ? new String[] { "X-Forwarded-Proto", "https" } : new String[0];
		HttpResponse<String> form = browser.get(url(), headers);
		if (behindTls) { // the client speaks plain HTTP to the test server: it would not
							// send a Secure cookie back
			String token = form.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
				.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
				.findFirst()
				.orElseThrow();
			headers = new String[] { "X-Forwarded-Proto", "https", "Cookie", token };
		}
		HttpResponse<String> login = browser.post(url(),
				Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf", HttpBrowser.csrf(form.body())), headers);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		List<String> cookies = new java.util.ArrayList<>(form.headers().allValues("Set-Cookie"));
		cookies.addAll(login.headers().allValues("Set-Cookie"));
		return cookies;
	}

	private String url() {
		return "http://localhost:" + port + "/login";
	}

}
