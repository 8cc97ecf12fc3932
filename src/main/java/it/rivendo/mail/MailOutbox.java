package it.rivendo.mail;

import it.rivendo.mail.internal.OutboxMessage;
import it.rivendo.mail.internal.OutboxMessageRepository;
import it.rivendo.shared.NotFoundException;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes e-mails into the outbox inside the caller's transaction: an e-mail exists if and
 * only if what caused it committed. The {@code OutboxSender} delivers it afterwards.
 * Staff read the outbox and send an e-mail again through here too.
 */
@Service
public class MailOutbox {

	private final OutboxMessageRepository messages;

	private final Clock clock;

	MailOutbox(OutboxMessageRepository messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(OutgoingMail mail) {
		return messages.save(new OutboxMessage(mail, clock.instant())).id();
	}

	/** E-mails not delivered for good, or still retrying after a failure. */
	@Transactional(readOnly = true)
	public long troubleCount() {
		return messages.countTrouble();
	}

	/**
	 * Whether an e-mail of this kind was already written for this reference (listeners
	 * may run twice).
	 */
	@Transactional(readOnly = true)
	public boolean exists(String kind, String reference) {
		return messages.existsByKindAndReference(kind, reference);
	}

	/** The latest e-mails first, fifty a page. */
	@Transactional(readOnly = true)
	public Page<OutboxEntry> latest(int page) {
		return messages.findAllByOrderByIdDesc(PageRequest.of(Math.max(page, 0), 50)).map(MailOutbox::entry);
	}

	/** E-mails waiting to be sent (new, or retrying). */
	@Transactional(readOnly = true)
	public long pendingCount() {
		return messages.countByStatus(OutboxMessage.Status.PENDING);
	}

	/** E-mails given up on after every attempt. */
	@Transactional(readOnly = true)
	public long failedCount() {
		return messages.countByStatus(OutboxMessage.Status.FAILED);
	}

	@Transactional(readOnly = true)
	public OutboxEntry entry(long id) {
		return entry(message(id));
	}

	/** Puts an e-mail back in the queue, due now, whatever became of it. */
	@Transactional
	public void sendAgain(long id) {
		message(id).retryNow(clock.instant());
	}

	private OutboxMessage message(long id) {
		return messages.findById(id).orElseThrow(() -> new NotFoundException("message " + id));
	}

	private static OutboxEntry entry(OutboxMessage message) {
		return new OutboxEntry(message.id(), message.recipient(), message.subject(), message.status().name(),
				message.attempts(), message.lastError(), message.createdAt(), message.bodyText(), message.bodyHtml());
	}

}
