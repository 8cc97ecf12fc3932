package it.rivendo.support.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One answer of staff to a support request; part of the request, written only through
 * {@link SupportRequest}.
 */
@Entity
@Table(name = "support_answer")
public class SupportAnswer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String body;

	private String answeredBy;

	private Instant createdAt;

	protected SupportAnswer() {
	}

	SupportAnswer(String body, String answeredBy, Instant now) {
		if (body.isBlank()) {
			throw new IllegalArgumentException("An answer needs a text");
		}
		this.body = body;
		this.answeredBy = answeredBy;
		this.createdAt = now;
	}

	public String body() {
		return body;
	}

	public String answeredBy() {
		return answeredBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
