package it.rivendo.mail;

import it.rivendo.mail.internal.OutboxMessage;
import it.rivendo.mail.internal.OutboxMessageRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes e-mails into the outbox inside the caller's transaction: an e-mail exists if and only if what caused it
 * committed. The {@code OutboxSender} delivers it afterwards.
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

	/** Whether an e-mail of this kind was already written for this reference (listeners may run twice). */
	@Transactional(readOnly = true)
	public boolean exists(String kind, String reference) {
		return messages.existsByKindAndReference(kind, reference);
	}
}
