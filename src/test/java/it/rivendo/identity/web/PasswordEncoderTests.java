package it.rivendo.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordEncoderTests {

	@Test
	void theShopRefusesAWeakCostOutsideTheTestsProfile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecurityConfig().passwordEncoder(4, new MockEnvironment()))
			.withMessageContaining("at least 10");
	}

	@Test
	void theTestsProfileMayLowerTheCostAndOldHashesAreStillChecked() {
		MockEnvironment tests = new MockEnvironment();
		tests.setActiveProfiles("test");
		PasswordEncoder cheap = new SecurityConfig().passwordEncoder(4, tests);
		PasswordEncoder shop = new SecurityConfig().passwordEncoder(10, new MockEnvironment());
		String hashed = shop.encode("cavallo batteria graffetta");
		assertThat(hashed).startsWith("{bcrypt}$2a$10$");
		assertThat(cheap.encode("x")).startsWith("{bcrypt}$2a$04$");
		assertThat(cheap.matches("cavallo batteria graffetta", hashed)).isTrue();
	}

}
