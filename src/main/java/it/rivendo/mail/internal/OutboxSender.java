package it.rivendo.mail.internal;

import it.rivendo.mail.MailAttachment;
import it.rivendo.mail.OrderMailAttachments;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * marked in the same transaction as it is sent, so several instances can run this at once
 * and each message goes out once.
 */
@Component
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 20;

	private final OutboxMessageRepository messages;

	private final JavaMailSender mailSender;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String from;

	private final List<OrderMailAttachments> orderAttachments;

	OutboxSender(OutboxMessageRepository messages, JavaMailSender mailSender, TransactionTemplate transactions,
			Clock clock, MailProperties properties, List<OrderMailAttachments> orderAttachments) {
		this.orderAttachments = orderAttachments;
		this.messages = messages;
		this.mailSender = mailSender;
		this.transactions = transactions;
		this.clock = clock;
		this.from = properties.from();
	}

	@Scheduled(fixedDelayString = "${rivendo.mail.sender.interval:2s}", initialDelayString = "5s")
	void scheduled() {
		sendDue();
	}

	/** Sends what is due now, batch after batch, and answers how many went out. */
	public int sendDue() {
		int sent = 0;
		while (true) {
			Integer batchSent = transactions.execute(status -> sendBatch());
			if (batchSent == null || batchSent < 0) {
				return sent;
			}
			sent += batchSent;
		}
	}

	/**
	 * @return how many were sent, or -1 when nothing was due or SMTP failed
	 */
	private int sendBatch() {
		List<OutboxMessage> due = messages.claimDue(clock.instant(), BATCH);
		if (due.isEmpty()) {
			return -1;
		}
		int sent = 0;
		for (OutboxMessage message : due) {
			try {
				mailSender.send(mime(message));
				message.sent(clock.instant());
				sent++;
			}
			catch (MailException | MessagingException ex) {
				log.warn("E-mail {} to {} not sent (attempt {}): {}", message.id(), message.recipient(),
						message.attempts() + 1, ex.getMessage());
				message.failed(ex.getMessage(), clock.instant());
			}
		}
		return sent == 0 ? -1 : sent;
	}

	private MimeMessage mime(OutboxMessage message) throws MessagingException {
		MimeMessage mime = mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(message.recipient());
		helper.setSubject(message.subject());
		helper.setText(message.bodyText(), message.bodyHtml());
		for (OutboxAttachment file : message.attachments()) {
			helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
		}
		if (OrderMailAttachments.KIND.equals(message.kind())) {
			// made now, outside the payment transaction (the invoice PDF)
			for (OrderMailAttachments source : orderAttachments) {
				for (MailAttachment file : source.forOrder(message.reference())) {
					helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
				}
			}
		}
		mime.setHeader("X-Rivendo-Outbox-Id", String.valueOf(message.id()));
		return mime;
	}

}
