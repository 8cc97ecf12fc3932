package it.rivendo.services.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A personal activation link, known here only by the SHA-256 hash of its token. */
@Entity
@Table(name = "activation_token")
public class ActivationToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long serviceId;

	/** Hex SHA-256, always 64 characters. */
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 64)
	private String tokenHash;

	private String email;

	private Instant expiresAt;

	private Instant createdAt;

	private Instant usedAt;

	private Instant revokedAt;

	protected ActivationToken() {
	}

	ActivationToken(long serviceId, String tokenHash, String email, Instant expiresAt, Instant now) {
		this.serviceId = serviceId;
		this.tokenHash = tokenHash;
		this.email = email;
		this.expiresAt = expiresAt;
		this.createdAt = now;
	}

	public boolean usableAt(Instant now) {
		return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
	}

	public boolean used() {
		return usedAt != null;
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	void revoke(Instant now) {
		if (usedAt == null && revokedAt == null) {
			this.revokedAt = now;
		}
	}

	public long serviceId() {
		return serviceId;
	}

	public String email() {
		return email;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

}
