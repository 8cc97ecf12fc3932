package it.rivendo.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.TestDatabaseCheck;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.TestShop;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A session's row in PostgreSQL is rewritten when something in it changes, or once a
 * minute for its last access time, not at every request. Real HTTP, so that Spring
 * Session's filter and cookie are the real ones.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestShop.class)
@ExtendWith(CleanDatabaseExtension.class)
class SessionWritesIT {

	private static final String EMAIL = "sessions@test.it";

	@LocalServerPort
	int port;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	private final HttpBrowser browser = new HttpBrowser();

	@BeforeEach
	void reseller() {
		shop.tier("BASE", "0");
		shop.reseller(EMAIL, "BASE", "100.00");
	}

	@Test
	void pageViewsWithinAMinuteLeaveTheSessionRowAsItIs() throws Exception {
		String form = get("/login").body();
		// reading the login form starts no session
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isZero();
		HttpResponse<String> login = browser.post("http://localhost:" + port + "/login",
				Map.of("email", EMAIL, "password", TestShop.PASSWORD, "_csrf", HttpBrowser.csrf(form)));
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

		// logging in wrote the session, with its user
		SessionRow afterLogin = row();
		assertThat(afterLogin.principal()).isEqualTo(EMAIL);

		assertThat(get("/account/credit").statusCode()).isEqualTo(200);
		SessionRow firstPage = row();
		assertThat(get("/catalog").statusCode()).isEqualTo(200);
		assertThat(get("/account/services").statusCode()).isEqualTo(200);
		// only the access time moved, by less than a minute: the row is the same version
		assertThat(row()).isEqualTo(firstPage);

		// a minute and more later, the access time is written
		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000").update();
		long before = row().lastAccess();
		assertThat(get("/catalog").statusCode()).isEqualTo(200);
		SessionRow later = row();
		assertThat(later.lastAccess()).isGreaterThan(before + 60_000);
		assertThat(later.version()).isNotEqualTo(firstPage.version());
		assertThat(later.sessionId()).isEqualTo(afterLogin.sessionId());
	}

	private SessionRow row() {
		return jdbc
			.sql("select session_id, principal_name, last_access_time, xmin::text as version from spring_session")
			.query((rs, i) -> new SessionRow(rs.getString("session_id"), rs.getString("principal_name"),
					rs.getLong("last_access_time"), rs.getString("version")))
			.single();
	}

	record SessionRow(String sessionId, String principal, long lastAccess, String version) {
	}

	private HttpResponse<String> get(String path) throws Exception {
		return browser.get("http://localhost:" + port + path);
	}

}
