package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "corto, password.tooShort", "1234567890, password.common", "Password123, password.common",
			"aaaaaaaaaaaaaa, password.common", "mario.rossi-2026, password.containsEmail",
			"cavallo batteria graffetta, ''", "Ñandú-Über-Straße, ''", "ab, password.tooShort" })
	void refusesShortCommonAndPersonalPasswords(String password, String problem) {
		assertThat(PasswordPolicy.problem(password, "mario.rossi@example.it").orElse(""))
			.isEqualTo(problem == null ? "" : problem);
	}

	@org.junit.jupiter.api.Test
	void longPassphrasesAreWelcome() {
		assertThat(PasswordPolicy.problem("x".repeat(20) + "y".repeat(20) + "z".repeat(60), "a@b.it")).isEmpty();
		assertThat(PasswordPolicy.problem("x".repeat(129), "a@b.it")).contains("password.tooLong");
	}

}
