package it.rivendo.mail.internal;

import it.rivendo.mail.MailAttachment;
import it.rivendo.mail.OutgoingMail;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

	public enum Status {

		PENDING, SENT, FAILED

	}

	static final int MAX_ATTEMPTS = 12;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String kind;

	private String reference;

	private String recipient;

	private String subject;

	private String bodyText;

	private String bodyHtml;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private Instant createdAt;

	private Instant sentAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "message_id", nullable = false)
	@OrderBy("position")
	private List<OutboxAttachment> attachments = new ArrayList<>();

	protected OutboxMessage() {
	}

	public OutboxMessage(OutgoingMail mail, Instant now) {
		this.kind = mail.kind();
		this.reference = mail.reference();
		this.recipient = mail.recipient();
		this.subject = mail.subject();
		this.bodyText = mail.text();
		this.bodyHtml = mail.html();
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
		this.createdAt = now;
		for (MailAttachment file : mail.attachments()) {
			attachments
				.add(new OutboxAttachment(attachments.size() + 1, file.filename(), file.contentType(), file.content()));
		}
	}

	void sent(Instant now) {
		this.status = Status.SENT;
		this.attempts++;
		this.sentAt = now;
		this.lastError = null;
	}

	/**
	 * Waits longer after each failure (30 s, 1 min, 2 min ... at most 1 h); gives up
	 * after 12 attempts.
	 */
	void failed(String error, Instant now) {
		this.attempts++;
		this.lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
		if (attempts >= MAX_ATTEMPTS) {
			this.status = Status.FAILED;
			return;
		}
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
		this.nextAttemptAt = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
	}

	/** Staff asked to send it again. */
	public void retryNow(Instant now) {
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
	}

	public Long id() {
		return id;
	}

	public String kind() {
		return kind;
	}

	public String reference() {
		return reference;
	}

	public String recipient() {
		return recipient;
	}

	public String subject() {
		return subject;
	}

	public String bodyText() {
		return bodyText;
	}

	public String bodyHtml() {
		return bodyHtml;
	}

	public Status status() {
		return status;
	}

	public int attempts() {
		return attempts;
	}

	public String lastError() {
		return lastError;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant sentAt() {
		return sentAt;
	}

	public List<OutboxAttachment> attachments() {
		return List.copyOf(attachments);
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

}
