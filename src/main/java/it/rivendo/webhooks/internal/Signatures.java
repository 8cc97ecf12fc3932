package it.rivendo.webhooks.internal;

import it.rivendo.shared.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing per the Standard Webhooks spec: the secret is {@code whsec_} and the base64 of
 * its key bytes; {@code webhook-signature} is {@code v1,} and the base64 HMAC-SHA256,
 * under that key, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public final class Signatures {

	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signatures() {
	}

	/** A new secret: 32 random bytes (the spec asks for 24 to 64). */
	public static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** A new {@code webhook-id}: {@code msg_} and 144 random bits. */
	public static String newMessageId() {
		return "msg_" + SecretTokens.random(18);
	}

	/** The {@code webhook-signature} header for one attempt. */
	public static String sign(String secret, String messageId, long timestampSeconds, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is always available", ex);
		}
	}

}
