package it.rivendo.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B / OWASP ASVS: 10 to 128 characters, any
 * characters, no composition rules, not one of the most common passwords, not the e-mail
 * address.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "0123456789", "1111111111",
			"0000000000", "password123", "password1234", "passwordpassword", "qwertyuiop", "qwertyuiop123",
			"1q2w3e4r5t", "1qaz2wsx3edc", "abcdefghij", "iloveyou123", "aaaaaaaaaa", "abc1234567", "qwerty1234",
			"qwerty12345", "password12", "administrator", "passw0rd123", "letmein123", "welcome123", "benvenuto",
			"benvenuto1", "benvenuto123", "passworditalia", "forzaitalia", "juventus123", "napoli1926", "milanmilan",
			"interinter", "cambiami123", "cambiapassword", "password01", "trustno1234", "football123", "sunshine12",
			"princess123", "monkey12345", "dragon12345", "1234qwerty", "asdfghjkl1", "zxcvbnm123", "demo123456",
			"rivendo123", "rivendo2026");

	private PasswordPolicy() {
	}

	/** The message key of the first rule the password breaks, if any. */
	public static Optional<String> problem(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 3) {
			return Optional.of("password.common");
		}
		if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0])
				&& email.split("@")[0].length() >= 4) {
			return Optional.of("password.containsEmail");
		}
		return Optional.empty();
	}

}
