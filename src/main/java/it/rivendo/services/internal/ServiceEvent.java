package it.rivendo.services.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a service's history: associated, link re-sent, e-mail changed, activated,
 * expired...
 */
@Entity
@Table(name = "service_event")
public class ServiceEvent {

	public enum Kind {

		PURCHASED, ASSOCIATED, EMAIL_CHANGED, LINK_RESENT, ACTIVATION_STARTED, IDENTIFICATION_FAILED,
		IDENTIFICATION_REFUSED, ACTIVATED, ACTIVATION_EXPIRED, TERM_ENDED, REMINDER_SENT, SUSPENDED, RESUMED, REVOKED,
		ORDER_CANCELLED, RENEWED, RENEWAL_CANCELLED, AUTO_RENEW_ON, AUTO_RENEW_OFF

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long serviceId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Kind kind;

	private String detail;

	private String actor;

	private Instant createdAt;

	protected ServiceEvent() {
	}

	public ServiceEvent(long serviceId, Kind kind, String detail, String actor, Instant now) {
		this.serviceId = serviceId;
		this.kind = kind;
		this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
		this.actor = actor;
		this.createdAt = now;
	}

	public Kind kind() {
		return kind;
	}

	public String detail() {
		return detail;
	}

	public String actor() {
		return actor;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
