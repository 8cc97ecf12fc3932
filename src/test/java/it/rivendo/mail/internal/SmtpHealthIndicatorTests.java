package it.rivendo.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An SMTP outage degrades the mail component without taking the shop DOWN. */
class SmtpHealthIndicatorTests {

	@Test
	void anUnreachableSmtpServerIsDegradedNotDown() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort(); // free once closed: nothing listens there
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(closedPort);
		Health health = new SmtpHealthIndicator(sender, mock(OutboxMessageRepository.class), Clock.systemUTC())
			.health();
		assertThat(health.getStatus()).isEqualTo(SmtpHealthIndicator.DEGRADED);
		assertThat(health.getStatus()).isNotEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKeys("error", "pending", "failed");
	}

}
