package it.rivendo.services.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Makes activation links: 256 random bits from a secure source, handed out once in the e-mail and kept only as a
 * SHA-256 hash, valid for 30 days (never past the service's activation deadline). A new link revokes the old ones.
 */
@Component
public class ActivationTokens {

	static final Duration VALIDITY = Duration.ofDays(30);
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();
	private final ActivationTokenRepository tokens;
	private final Clock clock;

	ActivationTokens(ActivationTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A new link for the service, sent to this e-mail; every earlier link of the service stops working. */
	public String issue(PurchasedService service, String email) {
		Instant now = clock.instant();
		tokens.findByServiceId(service.id()).forEach(old -> old.revoke(now));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = now.plus(VALIDITY);
		if (expires.isAfter(service.activationDeadline())) {
			expires = service.activationDeadline();
		}
		tokens.save(new ActivationToken(service.id(), hash(token), email, expires, now));
		return token;
	}

	/** The link's record when the token is well formed and known, usable or not; a GET looks, nothing more. */
	public Optional<ActivationToken> find(String token) {
		return wellFormed(token) ? tokens.findByTokenHash(hash(token)) : Optional.empty();
	}

	/** Takes the link for this transaction, so that two submissions of it cannot both use it. */
	public Optional<ActivationToken> lockUsable(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return tokens.lockByTokenHash(hash(token)).filter(found -> found.usableAt(clock.instant()));
	}

	public void use(ActivationToken token) {
		token.use(clock.instant());
	}

	static boolean wellFormed(String token) {
		return token != null && WELL_FORMED.matcher(token).matches();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}
}
