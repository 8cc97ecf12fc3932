package it.rivendo.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only when the request comes
 * from a configured proxy ({@code rivendo.web.trusted-proxies}, loopback by default).
 * Real HTTP on a random port, so that Tomcat's own handling of the headers is the one
 * tested. The test client is always on 127.0.0.1: once as a stranger (only 192.0.2.1 is a
 * proxy), once as the proxy (the default).
 */
class TrustedProxiesIT {

	/** The address allowed to read the metrics without login, in both runs. */
	static final String SCRAPER = "203.0.113.7";

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "rivendo.web.trusted-proxies=192.0.2.1", "rivendo.ops.metrics-from=" + SCRAPER })
	@ActiveProfiles("test")
	@ExtendWith(CleanDatabaseExtension.class)
	class FromAnAddressThatIsNotAProxy {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Test
		void aRotatedHeaderChangesNothingTheShopSees() throws Exception {
			HttpBrowser browser = new HttpBrowser();
			String url = "http://localhost:" + port;
			assertThat(browser.get(url + "/actuator/prometheus", "X-Forwarded-For", SCRAPER).statusCode())
				.isNotEqualTo(200);

			String csrf = HttpBrowser.csrf(browser.get(url + "/login").body());
			for (int i = 0; i < 35; i++) {
				browser.post(url + "/login",
						Map.of("email", "victim" + i + "@test.it", "password", "guess", "_csrf", csrf),
						"X-Forwarded-For", "198.51.100." + (i + 1));
			}
			List<String> seen = jdbc.sql("select distinct ip from login_attempt").query(String.class).list();
			assertThat(seen).containsExactly("127.0.0.1");
			// so the address limit held: 30 failures, then refused unread
			assertThat(jdbc.sql("select count(*) from login_attempt").query(Long.class).single()).isEqualTo(30);

			HttpResponse<String> proto = browser.get(url + "/login", "X-Forwarded-Proto", "https");
			assertThat(proto.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "rivendo.ops.metrics-from=" + SCRAPER)
	@ActiveProfiles("test")
	@ExtendWith(CleanDatabaseExtension.class)
	class FromATrustedProxy {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Test
		void theHeaderNamesTheClient() throws Exception {
			HttpBrowser browser = new HttpBrowser();
			String url = "http://localhost:" + port;
			assertThat(browser.get(url + "/actuator/prometheus", "X-Forwarded-For", SCRAPER).statusCode())
				.isEqualTo(200);
			assertThat(browser.get(url + "/actuator/prometheus").statusCode()).isNotEqualTo(200);
			// a client that sends its own header through the proxy cannot pick its
			// address: the proxy's entry counts
			assertThat(browser.get(url + "/actuator/prometheus", "X-Forwarded-For", SCRAPER + ", 198.51.100.1")
				.statusCode()).isNotEqualTo(200);

			String csrf = HttpBrowser.csrf(browser.get(url + "/login").body());
			browser.post(url + "/login", Map.of("email", "victim@test.it", "password", "guess", "_csrf", csrf),
					"X-Forwarded-For", "198.51.100.9");
			assertThat(jdbc.sql("select ip from login_attempt").query(String.class).single()).isEqualTo("198.51.100.9");

			HttpResponse<String> proto = browser.get(url + "/login", "X-Forwarded-Proto", "https");
			assertThat(proto.headers().firstValue("Strict-Transport-Security")).isPresent();
		}

	}

}
