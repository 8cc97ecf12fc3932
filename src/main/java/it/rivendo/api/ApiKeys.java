package it.rivendo.api;

import it.rivendo.api.internal.ApiKey;
import it.rivendo.api.internal.ApiKeyRepository;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys of the partner API: the Titolare creates them (shown once), lists and revokes
 * them; every API request finds its key here.
 * <p>
 * A key is {@code rvk_live_} and 43 characters of a 256-bit random secret. The database
 * keeps its SHA-256, not bcrypt: bcrypt's slowness protects secrets people choose, which
 * can be guessed; nobody guesses 256 random bits, fast hash or not. A slow salted hash
 * would also cost tens of milliseconds on every request and could not be looked up by an
 * index, so each request would have to compare against many keys.
 */
@Service
@Transactional
public class ApiKeys {

	/** Every key starts with this, so that it is recognised (and found by scanners). */
	public static final String KEY_START = "rvk_live_";

	/** How many characters of the secret the page shows after {@link #KEY_START}. */
	static final int PREFIX_CHARS = 8;

	/** "Last used" is written at most this often per key. */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final ApiKeyRepository keys;

	private final Clock clock;

	/** When this instance last wrote "last used" of each key, by the key's hash. */
	private final Map<String, Instant> touched = new ConcurrentHashMap<>();

	ApiKeys(ApiKeyRepository keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	public NewApiKey create(long resellerId, String name, ApiScope scope, String actor) {
		String secret = KEY_START + SecretTokens.random(32);
		String prefix = secret.substring(0, KEY_START.length() + PREFIX_CHARS);
		ApiKey key = keys.save(new ApiKey(resellerId, name.strip(), scope, prefix, SecretTokens.sha256Hex(secret),
				clock.instant(), actor));
		return new NewApiKey(key.id(), key.name(), scope, prefix, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiKeyView> list(long resellerId) {
		return keys.findByResellerIdOrderByIdDesc(resellerId).stream().map(ApiKeys::view).toList();
	}

	/**
	 * @throws NotFoundException when there is no such key, or it is another reseller's
	 * @throws it.rivendo.shared.Refusal when it was revoked already
	 */
	public ApiKeyView revoke(long resellerId, long keyId, String actor) {
		ApiKey key = keys.findByIdAndResellerId(keyId, resellerId)
			.orElseThrow(() -> new NotFoundException("api key " + keyId));
		key.revoke(clock.instant(), actor);
		return view(key);
	}

	/**
	 * The caller a bearer key stands for; empty for an unknown or revoked key, or text
	 * that is not a key at all. Notes the key as used (at most once a minute).
	 */
	public Optional<ApiCaller> authenticate(String presented) {
		if (presented == null || !presented.startsWith(KEY_START)
				|| !SecretTokens.looksLike256Bits(presented.substring(KEY_START.length()))) {
			return Optional.empty();
		}
		String hash = SecretTokens.sha256Hex(presented);
		return keys.findBySecretHash(hash).filter(ApiKey::active).map(key -> {
			touch(key.id(), hash);
			return new ApiCaller(key.id(), key.resellerId(), key.scope(), key.prefix());
		});
	}

	private void touch(long keyId, String hash) {
		Instant now = clock.instant();
		Instant last = touched.get(hash);
		if (last != null && last.isAfter(now.minus(TOUCH_EVERY))) {
			return;
		}
		keys.touch(keyId, now, now.minus(TOUCH_EVERY));
		touched.put(hash, now);
	}

	private static ApiKeyView view(ApiKey key) {
		return new ApiKeyView(key.id(), key.name(), key.scope(), key.prefix(), key.createdAt(), key.createdBy(),
				key.lastUsedAt(), key.revokedAt());
	}

}
