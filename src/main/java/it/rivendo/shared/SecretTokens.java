package it.rivendo.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Secrets handed out in links and forms: random bits from a secure source, written
 * URL-safe, and kept in the database only as their SHA-256.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern TOKEN_256 = Pattern.compile("[A-Za-z0-9_-]{43}");

	private SecretTokens() {
	}

	/**
	 * {@code bytes} random bytes, base64url without padding (32 bytes: 256 bits, 43
	 * characters).
	 */
	public static String random(int bytes) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/**
	 * Whether the text has the shape of a 256-bit token from {@link #random(int)
	 * random(32)}.
	 */
	public static boolean looksLike256Bits(String token) {
		return token != null && TOKEN_256.matcher(token).matches();
	}

	/** The hex SHA-256 of a token: what the database keeps instead of the token. */
	public static String sha256Hex(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
