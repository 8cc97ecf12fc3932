package it.rivendo.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's in-process SMTP server takes another port when its own is busy, and the shop
 * sends there.
 */
class EmbeddedSmtpServerTests {

	@Test
	void aBusyPortMovesTheServerAndTheSenderToAFreeOne() throws Exception {
		try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			JavaMailSenderImpl sender = sender(busy.getLocalPort());
			EmbeddedSmtpServer server = new EmbeddedSmtpServer(sender);
			try {
				server.afterPropertiesSet();
				assertThat(sender.getPort()).isNotEqualTo(busy.getLocalPort()).isPositive();
				sender.send(message());
				assertThat(server.received()).singleElement()
					.satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Ordine RV-1"));
			}
			finally {
				server.destroy();
			}
		}
	}

	@Test
	void aFreePortIsKept() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		JavaMailSenderImpl sender = sender(port);
		EmbeddedSmtpServer server = new EmbeddedSmtpServer(sender);
		try {
			server.afterPropertiesSet();
			assertThat(sender.getPort()).isEqualTo(port);
			sender.send(message());
			assertThat(server.received()).hasSize(1);
		}
		finally {
			server.destroy();
		}
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return sender;
	}

	private static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("noreply@rivendo.it");
		message.setTo("cliente@example.it");
		message.setSubject("Ordine RV-1");
		message.setText("Grazie.");
		return message;
	}

}
