package it.rivendo.services.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An identification started at the provider for one service; the provider reports back by
 * its reference.
 */
@Entity
@Table(name = "identification_session")
public class IdentificationSession {

	public enum Status {

		STARTED, SUCCEEDED, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	private long serviceId;

	private String provider;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	private Instant completedAt;

	protected IdentificationSession() {
	}

	IdentificationSession(String reference, long serviceId, String provider, Instant now) {
		this.reference = reference;
		this.serviceId = serviceId;
		this.provider = provider;
		this.status = Status.STARTED;
		this.createdAt = now;
	}

	/**
	 * @return false when it was already complete: the provider's answer arrived twice
	 */
	boolean complete(boolean succeeded, Instant now) {
		if (status == Status.SUCCEEDED) {
			return false;
		}
		this.status = succeeded ? Status.SUCCEEDED : Status.FAILED;
		this.completedAt = now;
		return true;
	}

	public String reference() {
		return reference;
	}

	public long serviceId() {
		return serviceId;
	}

	/**
	 * The provider's name, or {@link IdentificationSessions#STAFF} when staff check the
	 * identification by hand.
	 */
	public String provider() {
		return provider;
	}

	public Status status() {
		return status;
	}

}
