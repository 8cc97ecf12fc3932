package it.rivendo.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.rivendo.demo.DemoData;
import it.rivendo.mail.internal.OutboxSender;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.Race;
import it.rivendo.support.SecondInstance;
import it.rivendo.support.TestDatabaseCheck;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two instances of the shop on two ports against one database, as behind a load balancer:
 * one reseller's requests alternate between them (login on A, cart on B, checkout on A,
 * payment on B, balance on A), and both instances' outbox senders run at once without
 * sending anything twice.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class TwoInstancesIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	private static ConfigurableApplicationContext second;

	@LocalServerPort
	int portA;

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxSender senderA;

	private final HttpBrowser browser = new HttpBrowser();

	@BeforeAll
	static void startSecondInstance() {
		second = SecondInstance.start();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@BeforeEach
	void demo() {
		demoData.loadIfEmpty();
	}

	@Test
	void aResellersRequestsAlternateBetweenInstancesAndMoneyStaysRight() throws Exception {
		String a = "http://localhost:" + portA;
		String b = SecondInstance.url(second);
		assertThat(b).isNotEqualTo(a);

		String login = body(browser.get(a + "/login"));
		HttpResponse<String> loggedIn = browser.post(a + "/login",
				Map.of("email", DemoData.SILVER, "password", DemoData.PASSWORD, "_csrf", HttpBrowser.csrf(login)));
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(a + "/");

		// instance B knows the session made on A: add to the cart there
		String catalogOnB = body(browser.get(b + "/catalog"));
		assertThat(catalogOnB).contains("1.000,00");
		assertThat(browser
			.post(b + "/cart/items",
					Map.of("product", "FIRMA-REMOTA-1A", "mode", "SPID", "_csrf", HttpBrowser.csrf(catalogOnB)))
			.headers()
			.firstValue("Location")).hasValue(b + "/cart");

		// checkout page on A, payment on B
		String checkout = body(browser.get(a + "/checkout"));
		assertThat(checkout).contains("Firma Remota 1 anno").contains("38,06");
		Map<String, String> form = inputs(checkout);
		form.put("confirmed", "true");
		HttpResponse<String> paid = browser.post(b + "/checkout", form);
		String completed = paid.headers().firstValue("Location").orElseThrow();
		assertThat(completed).matches(".*/orders/\\d{4}-\\d{6}/completed$");
		// the same form posted again on A: the same order
		assertThat(browser.post(a + "/checkout", form).headers().firstValue("Location"))
			.hasValue(completed.replace(b, a));

		// the balance on A: 1000.00 - 38.06
		assertThat(body(browser.get(completed.replace(b, a)))).contains("961,94");
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isEqualTo(1);
		long reseller = jdbc.sql("select reseller_id from purchase_order").query(Long.class).single();
		assertThat(jdbc.sql("select balance from credit_account where reseller_id = ?")
			.param(reseller)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("961.94");
		assertThat(jdbc.sql("select sum(amount) from credit_entry where reseller_id = ?")
			.param(reseller)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("961.94");

		// both instances' outbox senders at once: every message once
		jdbc.sql("""
				insert into mail_outbox (kind, reference, recipient, subject, body_text, body_html)
				select 'TEST', 'two-' || n, 'to' || n || '@test.it', 'Messaggio ' || n, 'testo', '<p>testo</p>'
				from generate_series(1, 60) n""").update();
		OutboxSender senderB = second.getBean(OutboxSender.class);
		List<Integer> sent = Race.run(2, i -> i == 0 ? senderA.sendDue() : senderB.sendDue());
		long messages = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
		assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(messages);
		assertThat(smtp.getReceivedMessages()).hasSize((int) messages);
		assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT' and attempts = 1")
			.query(Long.class)
			.single()).isEqualTo(messages);
		System.out.printf("[reliability] two instances: login on A, cart on B, checkout on A, pay on B, repeat on A "
				+ "-> 1 order, balance 961.94 = ledger; senders of A and B at once: %d + %d = %d messages, each once%n",
				sent.get(0), sent.get(1), messages);
	}

	private static String body(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
		return response.body();
	}

	/** The checkout form's filled inputs (hidden, text, email, checked radio). */
	private static Map<String, String> inputs(String html) {
		String form = html.substring(html.indexOf("data-testid=\"checkout-form\""));
		form = form.substring(0, form.indexOf("</form>"));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
		while (input.find()) {
			String attributes = input.group(1);
			Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(attributes);
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(attributes);
			if (!name.find() || !value.find()) {
				continue;
			}
			boolean choice = attributes.contains("type=\"radio\"") || attributes.contains("type=\"checkbox\"");
			if (!choice || attributes.contains("checked")) {
				fields.putIfAbsent(name.group(1), value.group(1).replace("&amp;", "&"));
			}
		}
		return fields;
	}

}
