package it.rivendo.mail;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.rivendo.mail.internal.OutboxSender;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Mails;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox delivered over real SMTP (GreenMail on port 3025): once, also when SMTP
 * fails for a while.
 */
@IntegrationTest
class OutboxSenderIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	OutboxSender sender;

	@Autowired
	MailOutbox outbox;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("reseller@test.it", "BASE", "500.00");
	}

	@Test
	void thePurchaseEmailReachesTheResellerWithActivationInstructions() throws Exception {
		String number = buy();

		assertThat(sender.sendDue()).isEqualTo(1);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("reseller@test.it");
		assertThat(mail.getSubject()).isEqualTo("Rivendo: riepilogo dell'ordine " + number);
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("multipart/alternative").contains("text/plain").contains("text/html");
		String text = Mails.text(mail);
		assertThat(text).contains(number)
			.contains("1 x Prodotto REMOTA (SPID)")
			.contains("Istruzioni di attivazione REMOTA")
			.contains("credenziali SPID")
			.contains("/account/services")
			.contains("452,42"); // 500.00 - 47.58
		assertThat(status()).containsExactly("SENT");
		assertThat(sender.sendDue()).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void whileSmtpIsDownTheMessageWaitsAndIsDeliveredOnceWhenItIsBack() throws Exception {
		buy();
		smtp.stop();

		assertThat(sender.sendDue()).isZero();
		assertThat(status()).containsExactly("PENDING");
		assertThat(jdbc.sql("select attempts from mail_outbox").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select last_error from mail_outbox").query(String.class).single()).isNotBlank();
		assertThat(jdbc.sql("select next_attempt_at > now() from mail_outbox").query(Boolean.class).single()).isTrue();
		assertThat(sender.sendDue()).as("not retried before its time").isZero();

		smtp.start();
		jdbc.sql("update mail_outbox set next_attempt_at = now()").update(); // the
																				// back-off
																				// has
																				// passed
		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(sender.sendDue()).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(status()).containsExactly("SENT");
	}

	@Test
	void twoSendersAtOnceDeliverEachMessageExactlyOnce() throws Exception {
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 40; i++) {
				outbox.enqueue(new OutgoingMail("TEST", "t-" + i, "to" + i + "@test.it", "Messaggio " + i, "testo " + i,
						"<p>testo " + i + "</p>"));
			}
		});

		List<Integer> sentBy = Race.run(2, i -> sender.sendDue());

		assertThat(sentBy.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(40);
		Set<String> outboxIds = Arrays.stream(received)
			.map(message -> header(message, "X-Rivendo-Outbox-Id"))
			.collect(Collectors.toSet());
		assertThat(outboxIds).hasSize(40);
		assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT' and attempts = 1")
			.query(Long.class)
			.single()).isEqualTo(40);
	}

	private String buy() {
		return shop.buy(reseller, "REMOTA", SPID, 1);
	}

	private List<String> status() {
		return jdbc.sql("select status from mail_outbox order by id").query(String.class).list();
	}

	private static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name)[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
