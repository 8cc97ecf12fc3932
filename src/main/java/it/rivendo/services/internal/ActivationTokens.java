package it.rivendo.services.internal;

import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes activation links: 256 random bits from a secure source, handed out once in the
 * e-mail and kept only as a SHA-256 hash, valid for 30 days (never past the service's
 * activation deadline). A new link revokes the old ones.
 */
@Component
public class ActivationTokens {

	static final Duration VALIDITY = Duration.ofDays(30);

	private final ActivationTokenRepository tokens;

	private final Clock clock;

	ActivationTokens(ActivationTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * A new link for the service, sent to this e-mail; every earlier link of the service
	 * stops working.
	 */
	public String issue(PurchasedService service, String email) {
		Instant now = clock.instant();
		tokens.findByServiceId(service.id()).forEach(old -> old.revoke(now));
		String token = SecretTokens.random(32);
		Instant expires = now.plus(VALIDITY);
		if (expires.isAfter(service.activationDeadline())) {
			expires = service.activationDeadline();
		}
		tokens.save(new ActivationToken(service.id(), SecretTokens.sha256Hex(token), email, expires, now));
		return token;
	}

	/**
	 * The link's record when the token is well formed and known, usable or not; a GET
	 * looks, nothing more.
	 */
	public Optional<ActivationToken> find(String token) {
		return SecretTokens.looksLike256Bits(token) ? tokens.findByTokenHash(SecretTokens.sha256Hex(token))
				: Optional.empty();
	}

	/**
	 * Takes the link for this transaction, so that two submissions of it cannot both use
	 * it.
	 */
	public Optional<ActivationToken> lockUsable(String token) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return Optional.empty();
		}
		return tokens.lockByTokenHash(SecretTokens.sha256Hex(token)).filter(found -> found.usableAt(clock.instant()));
	}

	public void use(ActivationToken token) {
		token.use(clock.instant());
	}

}
