package it.rivendo.mail.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the shop (GreenMail), on when {@code rivendo.mail.embedded-smtp=true} (the demo run), so a
 * person can read what the shop sent without installing a mail server: staff see it under Admin, Outbox.
 */
@Component
@ConditionalOnProperty(name = "rivendo.mail.embedded-smtp", havingValue = "true")
public class EmbeddedSmtpServer implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	private final GreenMail greenMail;

	EmbeddedSmtpServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
		this.greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
	}

	@Override
	public void afterPropertiesSet() {
		greenMail.start();
		log.info("Embedded SMTP server listening on port {}: e-mails are kept in memory and shown under /admin/outbox",
				greenMail.getSmtp().getPort());
	}

	public List<MimeMessage> received() {
		return List.of(greenMail.getReceivedMessages());
	}

	@Override
	public void destroy() {
		greenMail.stop();
	}
}
