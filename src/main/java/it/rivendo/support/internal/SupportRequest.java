package it.rivendo.support.internal;

import it.rivendo.shared.Refusal;
import it.rivendo.support.SupportStatus;
import it.rivendo.support.SupportTopic;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request written in "Contattaci", with staff's answers: Open → Answered (as many
 * answers as it takes) → Closed for good. A closed request takes no answer.
 */
@Entity
@Table(name = "support_request")
public class SupportRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long resellerId;

	private String senderName;

	private String senderEmail;

	@Enumerated(EnumType.STRING)
	private SupportTopic topic;

	private String orderNumber;

	private String message;

	private String locale;

	@Enumerated(EnumType.STRING)
	private SupportStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant closedAt;

	private String closedBy;

	@OneToMany(cascade = CascadeType.PERSIST)
	@JoinColumn(name = "request_id", nullable = false, updatable = false)
	@OrderBy("id")
	private List<SupportAnswer> answers = new ArrayList<>();

	protected SupportRequest() {
	}

	/**
	 * @param resellerId the signed-in reseller who wrote it, or {@code null} for the
	 * public
	 * @param orderNumber blank for none
	 */
	public SupportRequest(Long resellerId, String senderName, String senderEmail, SupportTopic topic,
			String orderNumber, String message, Locale locale, Instant now) {
		this.resellerId = resellerId;
		this.senderName = senderName.strip();
		this.senderEmail = senderEmail.strip();
		this.topic = topic;
		this.orderNumber = orderNumber == null || orderNumber.isBlank() ? null : orderNumber.strip();
		this.message = message.strip();
		this.locale = locale.getLanguage();
		this.status = SupportStatus.OPEN;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Staff answer it: the answer is kept and the request is answered; a closed request
	 * takes no answer.
	 */
	public SupportAnswer answer(String body, String answeredBy, Instant now) {
		if (status == SupportStatus.CLOSED) {
			throw new Refusal("support.error.closed");
		}
		SupportAnswer answer = new SupportAnswer(body.strip(), answeredBy, now);
		answers.add(answer);
		this.status = SupportStatus.ANSWERED;
		this.updatedAt = now;
		return answer;
	}

	/**
	 * Closed for good, answered or not.
	 * @return false when it was closed already, and nothing changed
	 */
	public boolean close(String closedBy, Instant now) {
		if (status == SupportStatus.CLOSED) {
			return false;
		}
		this.status = SupportStatus.CLOSED;
		this.closedAt = now;
		this.closedBy = closedBy;
		this.updatedAt = now;
		return true;
	}

	public Long id() {
		return id;
	}

	/**
	 * Written by a signed-in reseller, whose address is proven, rather than typed by
	 * anyone.
	 */
	public boolean fromReseller() {
		return resellerId != null;
	}

	public String senderName() {
		return senderName;
	}

	public String senderEmail() {
		return senderEmail;
	}

	public SupportTopic topic() {
		return topic;
	}

	public String orderNumber() {
		return orderNumber;
	}

	public String message() {
		return message;
	}

	/** The language it was written in, which its e-mails use. */
	public Locale locale() {
		return Locale.forLanguageTag(locale);
	}

	public SupportStatus status() {
		return status;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String closedBy() {
		return closedBy;
	}

	public List<SupportAnswer> answers() {
		return List.copyOf(answers);
	}

}
