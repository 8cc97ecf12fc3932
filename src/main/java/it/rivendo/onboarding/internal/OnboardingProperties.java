package it.rivendo.onboarding.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The onboarding settings under {@code rivendo.admin.*}.
 *
 * @param email the address the first staff account is opened for on a database without
 * staff ({@code RIVENDO_ADMIN_EMAIL}); blank for none
 */
@ConfigurationProperties("rivendo.admin")
public record OnboardingProperties(String email) {

	public OnboardingProperties {
		email = email == null ? "" : email.strip();
	}
}
