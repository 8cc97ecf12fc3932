package it.rivendo.mail.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the shop (GreenMail), on when
 * {@code rivendo.mail.embedded-smtp=true} (the demo run), so a person can read what the
 * shop sent without installing a mail server: staff see it under Admin, Outbox. It
 * listens on {@code spring.mail.host}:{@code spring.mail.port} (2525); when that port is
 * busy, on a free one, which the shop's mail sender is then pointed at.
 */
@Component
@ConditionalOnProperty(name = "rivendo.mail.embedded-smtp", havingValue = "true")
public class EmbeddedSmtpServer implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	private final JavaMailSenderImpl sender;

	private GreenMail greenMail;

	EmbeddedSmtpServer(JavaMailSenderImpl sender) {
		this.sender = sender;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		InetAddress address = InetAddress.getByName(sender.getHost());
		int wanted = sender.getPort();
		int port = isFree(address, wanted) ? wanted : freePort(address);
		greenMail = new GreenMail(new ServerSetup(port, sender.getHost(), ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		sender.setPort(port);
		log.info(
				"Embedded SMTP server listening on port {}{}: e-mails are kept in memory and shown under /admin/outbox",
				port, port == wanted ? "" : " (" + wanted + " is busy)");
	}

	public List<MimeMessage> received() {
		return List.of(greenMail.getReceivedMessages());
	}

	@Override
	public void destroy() {
		if (greenMail != null) {
			greenMail.stop();
		}
	}

	private static boolean isFree(InetAddress address, int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, address)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort(InetAddress address) throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, address)) {
			return socket.getLocalPort();
		}
	}

}
