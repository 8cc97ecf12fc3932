package it.rivendo.api.internal;

import it.rivendo.api.ApiScope;
import it.rivendo.shared.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key of the partner API. Its secret is kept only as its SHA-256; once revoked it opens
 * nothing again.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	private String name;

	@Enumerated(EnumType.STRING)
	private ApiScope scope;

	private String prefix;

	private String secretHash;

	private Instant createdAt;

	private String createdBy;

	private Instant lastUsedAt;

	private Instant revokedAt;

	private String revokedBy;

	protected ApiKey() {
	}

	public ApiKey(long resellerId, String name, ApiScope scope, String prefix, String secretHash, Instant now,
			String actor) {
		this.resellerId = resellerId;
		this.name = name;
		this.scope = scope;
		this.prefix = prefix;
		this.secretHash = secretHash;
		this.createdAt = now;
		this.createdBy = actor;
	}

	/**
	 * @throws Refusal when it was revoked already
	 */
	public void revoke(Instant now, String actor) {
		if (revokedAt != null) {
			throw new Refusal("api.key.alreadyRevoked");
		}
		this.revokedAt = now;
		this.revokedBy = actor;
	}

	public boolean active() {
		return revokedAt == null;
	}

	public long id() {
		return id;
	}

	public long resellerId() {
		return resellerId;
	}

	public String name() {
		return name;
	}

	public ApiScope scope() {
		return scope;
	}

	public String prefix() {
		return prefix;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant lastUsedAt() {
		return lastUsedAt;
	}

	public Instant revokedAt() {
		return revokedAt;
	}

}
