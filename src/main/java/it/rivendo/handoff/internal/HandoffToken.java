package it.rivendo.handoff.internal;

import it.rivendo.shared.Refusal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A one-time ticket to continue a page on another device, signed in as the same user, for
 * as long as the computer's session that made it is alive. Known here only by the SHA-256
 * hashes of its link token and of its typed code. It is open until it expires or is used,
 * and it is used once: {@link #use} refuses a token that is not open, and the token is
 * loaded with a lock, so of two devices racing for it exactly one gets it.
 */
@Entity
@Table(name = "handoff_token")
public class HandoffToken {

	static final int MAX_TEXT = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Hex SHA-256 of the token in the link and the QR code, always 64 characters. */
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 64)
	private String tokenHash;

	/** Hex SHA-256 of the code to type by hand. */
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 64)
	private String codeHash;

	private long userId;

	private String sessionId;

	private String targetPath;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	private String creatorAgent;

	private String userAgent;

	protected HandoffToken() {
	}

	private HandoffToken(String tokenHash, String codeHash, long userId, String sessionId, String targetPath,
			Instant now, Duration validity, String creatorAgent) {
		this.tokenHash = tokenHash;
		this.codeHash = codeHash;
		this.userId = userId;
		this.sessionId = sessionId;
		this.targetPath = targetPath;
		this.createdAt = now;
		this.expiresAt = now.plus(validity);
		this.creatorAgent = shortened(creatorAgent);
	}

	/**
	 * A new token for the user's page, open for {@code validity} from now.
	 * @param targetPath a page that may be continued elsewhere (the caller checks which)
	 */
	public static HandoffToken issue(String tokenHash, String codeHash, long userId, String sessionId,
			String targetPath, Instant now, Duration validity, String creatorAgent) {
		if (targetPath == null || targetPath.length() > MAX_TEXT) {
			throw new IllegalArgumentException("Not a page to continue: " + targetPath);
		}
		return new HandoffToken(tokenHash, codeHash, userId, sessionId, targetPath, now, validity, creatorAgent);
	}

	public HandoffStatus status(Instant now) {
		if (usedAt != null) {
			return HandoffStatus.USED;
		}
		return expiresAt.isAfter(now) ? HandoffStatus.OPEN : HandoffStatus.EXPIRED;
	}

	/**
	 * Used up by the device with this user agent; whether that device is then signed in
	 * is for the caller to check (the account, the computer's session), and the token is
	 * spent either way.
	 * @throws Refusal when the token is used or expired
	 */
	public void use(Instant now, String deviceAgent) {
		if (status(now) != HandoffStatus.OPEN) {
			throw new Refusal("handoff.problem.text");
		}
		this.usedAt = now;
		this.userAgent = shortened(deviceAgent);
	}

	public long userId() {
		return userId;
	}

	public String sessionId() {
		return sessionId;
	}

	public String targetPath() {
		return targetPath;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	private static String shortened(String agent) {
		return agent == null ? null : agent.substring(0, Math.min(agent.length(), MAX_TEXT));
	}

}
