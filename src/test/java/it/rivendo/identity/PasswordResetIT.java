package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.rivendo.mail.internal.OutboxSender;
import it.rivendo.support.Mails;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Password dimenticata?": the link arrives by e-mail (real SMTP), sets a new password
 * once, within an hour, and ends every session of the account; an unknown address gets
 * the same page and no e-mail; requests are limited per account and per client.
 */
@WebIntegrationTest
class PasswordResetIT {

	static final String EMAIL = "reseller@test.it";

	static final String NEW_PASSWORD = "una nuova frase piuttosto lunga";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PasswordReset resets;

	@Autowired
	OutboxSender sender;

	@Autowired
	ResellerAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		shop.reseller(EMAIL, "BASE", "0");
	}

	@Test
	void theLinkFromTheEmailSetsANewPasswordOnceAndEndsEverySessionOfTheAccount() throws Exception {
		Cookie laptop = TestShop.login(mvc, EMAIL);
		Cookie phone = TestShop.login(mvc, EMAIL);
		mvc.perform(get("/login")).andExpect(content().string(containsString("Password dimenticata?")));

		mvc.perform(ask("Reseller@Test.IT", "203.0.113.1")).andExpect(redirectedUrl("/forgot-password/sent"));
		String token = linkInMail(EMAIL);

		mvc.perform(get("/set-password/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(EMAIL)));
		mvc.perform(choose(token)).andExpect(redirectedUrl("/login"));

		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(EMAIL)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/catalog").cookie(laptop)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/catalog").cookie(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").param("email", EMAIL).param("password", TestShop.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("email", EMAIL).param("password", NEW_PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
		// the same link a second time
		mvc.perform(get("/set-password/" + token)).andExpect(status().isNotFound());
		mvc.perform(choose(token))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Chiedi un nuovo link")));
		mvc.perform(post("/login").param("email", EMAIL).param("password", NEW_PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void anUnknownAddressGetsTheSamePageAndNoEmail() throws Exception {
		String known = mvc.perform(ask(EMAIL, "203.0.113.1"))
			.andExpect(redirectedUrl("/forgot-password/sent"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String unknown = mvc.perform(ask("nobody@test.it", "203.0.113.1"))
			.andExpect(redirectedUrl("/forgot-password/sent"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(unknown).isEqualTo(known);
		assertThat(jdbc.sql("select count(*) from password_reset_request").query(Long.class).single()).isEqualTo(2);
		mvc.perform(get(unknown))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Se l&#39;indirizzo è quello di un account Rivendo")));

		assertThat(resets.sendLinks()).isEqualTo(1);
		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).extracting(mail -> mail.getAllRecipients()[0].toString())
			.containsExactly(EMAIL);
		assertThat(jdbc.sql("select count(*) from password_reset_request").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'nobody@test.it'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theLinkExpiresAfterAnHourAndTheOldPasswordStillWorks() throws Exception {
		mvc.perform(ask(EMAIL, "203.0.113.1"));
		String token = linkInMail(EMAIL);

		clock.advance(Duration.ofMinutes(61));

		mvc.perform(get("/set-password/" + token)).andExpect(status().isNotFound());
		mvc.perform(choose(token)).andExpect(status().isNotFound());
		mvc.perform(post("/login").param("email", EMAIL).param("password", TestShop.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void threeRequestsAnHourPerAccountAndTenPerClientAddress() throws Exception {
		for (int i = 1; i <= 3; i++) {
			mvc.perform(ask(EMAIL, "203.0.113." + i)).andExpect(redirectedUrl("/forgot-password/sent"));
		}
		mvc.perform(ask(EMAIL, "203.0.113.9"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Troppe richieste")));
		// the same for an address that is nobody's: the limit does not tell them apart
		for (int i = 1; i <= 3; i++) {
			mvc.perform(ask("nobody@test.it", "198.51.100." + i)).andExpect(redirectedUrl("/forgot-password/sent"));
		}
		mvc.perform(ask("nobody@test.it", "198.51.100.9")).andExpect(status().isTooManyRequests());

		for (int i = 1; i <= 10; i++) {
			mvc.perform(ask("someone" + i + "@test.it", "192.0.2.1")).andExpect(redirectedUrl("/forgot-password/sent"));
		}
		mvc.perform(ask("someone11@test.it", "192.0.2.1")).andExpect(status().isTooManyRequests());

		assertThat(resets.sendLinks()).isEqualTo(1); // three requests, one link
		clock.advance(Duration.ofMinutes(61));
		mvc.perform(ask(EMAIL, "203.0.113.9")).andExpect(redirectedUrl("/forgot-password/sent"));
	}

	@Test
	void aStaffAccountCanResetItsPasswordTooButADisabledResellerGetsNothing() throws Exception {
		accounts.openStaffAwaitingPassword("ops@test.it", "Staff");
		mvc.perform(ask("ops@test.it", "203.0.113.1"));
		String token = linkInMail("ops@test.it");
		mvc.perform(choose(token)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").param("email", "ops@test.it").param("password", NEW_PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));

		long reseller = jdbc.sql("select id from reseller").query(Long.class).single();
		accounts.setEnabled(reseller, false);
		mvc.perform(ask(EMAIL, "203.0.113.1")).andExpect(redirectedUrl("/forgot-password/sent"));
		assertThat(resets.sendLinks()).isZero();
	}

	@Test
	void anInvalidAddressIsShownNextToTheField() throws Exception {
		mvc.perform(ask("not an address", "203.0.113.1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"email-error\"")));
		assertThat(jdbc.sql("select count(*) from password_reset_request").query(Long.class).single()).isZero();
	}

	private String linkInMail(String recipient) throws Exception {
		int before = smtp.getReceivedMessages().length;
		assertThat(resets.sendLinks()).isEqualTo(1);
		assertThat(sender.sendDue()).isEqualTo(1);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(before + 1);
		MimeMessage mail = received[before];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(recipient);
		assertThat(mail.getSubject()).isEqualTo("Rivendo: scegli una nuova password");
		String text = Mails.text(mail);
		assertThat(text).contains("per un'ora");
		Matcher link = Pattern.compile("/set-password/([A-Za-z0-9_-]{43})").matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group(1);
	}

	private static MockHttpServletRequestBuilder ask(String email, String client) {
		return post("/forgot-password").param("email", email).with(csrf()).with(request -> {
			request.setRemoteAddr(client);
			return request;
		});
	}

	private static MockHttpServletRequestBuilder choose(String token) {
		return post("/set-password/" + token).param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)
			.with(csrf());
	}

}
