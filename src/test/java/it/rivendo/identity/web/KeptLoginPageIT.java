package it.rivendo.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.demo.DemoData;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.TestDatabaseCheck;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login page as most see it (no message, no e-mail to fill in) is rendered once per
 * language and kept, with each request's own CSRF token put in (issue 22). It is the page
 * the view renders, token aside; each visitor's token is its own and signs in; a message
 * or another language is not the kept page.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class KeptLoginPageIT {

	private static final String TOKEN = "name=\"_csrf\" value=\"[^\"]+\"";

	@LocalServerPort
	int port;

	@Autowired
	DemoData demoData;

	private String shop;

	@BeforeEach
	void demo() {
		demoData.loadIfEmpty();
		shop = "http://localhost:" + port;
	}

	@Test
	void theKeptPageIsTheRenderedOneWithEachVisitorsOwnToken() throws Exception {
		HttpBrowser first = new HttpBrowser();
		HttpBrowser second = new HttpBrowser();
		HttpResponse<String> one = first.get(shop + "/login");
		HttpResponse<String> two = second.get(shop + "/login");
		// a parameter the page does not read: rendered by the view, not kept
		HttpResponse<String> rendered = new HttpBrowser().get(shop + "/login?x=1");
		for (HttpResponse<String> page : java.util.List.of(one, two, rendered)) {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(page.headers().firstValue("Content-Language"))
				.isEqualTo(rendered.headers().firstValue("Content-Language"));
		}
		assertThat(HttpBrowser.csrf(one.body())).isNotEqualTo(HttpBrowser.csrf(two.body()));
		assertThat(one.body().replaceAll(TOKEN, "")).isEqualTo(two.body().replaceAll(TOKEN, ""))
			.isEqualTo(rendered.body().replaceAll(TOKEN, "").replace("/login?x=1&amp;lang=", "/login?lang="))
			.contains("Accedi all&#39;area rivenditori");
		// each visitor signs in with its own page's token, not with the other's
		HttpResponse<String> refused = first.post(shop + "/login",
				Map.of("email", DemoData.GOLD, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(two.body())));
		assertThat(refused.headers().firstValue("Location").orElse("")).doesNotEndWith(":" + port + "/");
		HttpResponse<String> stillOut = first.get(shop + "/");
		assertThat(stillOut.statusCode()).as("the refused visitor is still signed out").isEqualTo(302);
		assertThat(stillOut.headers().firstValue("Location").orElse("")).contains("/login");
		HttpResponse<String> signedIn = second.post(shop + "/login",
				Map.of("email", DemoData.GOLD, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(two.body())));
		assertThat(signedIn.headers().firstValue("Location")).hasValue(shop + "/");
	}

	@Test
	void eachLanguageAndEachMessageIsItsOwnPage() throws Exception {
		HttpBrowser visitor = new HttpBrowser();
		assertThat(visitor.get(shop + "/login").body()).contains("lang=\"it\"")
			.contains("Accedi all&#39;area rivenditori");
		assertThat(visitor.get(shop + "/login?lang=en").body()).contains("lang=\"en\"")
			.contains("Log in to the reseller area");
		assertThat(visitor.get(shop + "/login").body()).contains("Log in to the reseller area");
		assertThat(visitor.get(shop + "/login?lang=it").body()).contains("Accedi all&#39;area rivenditori");
		assertThat(visitor.get(shop + "/login?error").body()).contains("E-mail o password non corretti")
			.contains("Accedi all&#39;area rivenditori");
		assertThat(visitor.get(shop + "/login").body()).doesNotContain("E-mail o password non corretti");
	}

}
