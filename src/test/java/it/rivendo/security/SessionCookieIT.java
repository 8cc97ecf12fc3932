package it.rivendo.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.TestDatabaseCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The session cookie and HSTS as a real server sends them, directly and behind a TLS proxy. */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class SessionCookieIT {

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() throws Exception {
		HttpResponse<Void> plain = get(false);
		assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
			.startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<Void> proxied = get(true);
		assertThat(proxied.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age="));
	}

	private HttpResponse<Void> get(boolean behindTls) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
		if (behindTls) {
			request.header("X-Forwarded-Proto", "https");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
	}
}
