package it.rivendo.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The rivendo.topup.* settings bind as before the record replaced five @Value, with the
 * same defaults.
 */
class TopUpPropertiesTests {

	@Test
	void setValuesBindAndMissingOnesKeepTheirDefaults() {
		TopUpProperties set = bind(Map.of("rivendo.topup.min-amount", "60", "rivendo.topup.max-amount", "1000.50",
				"rivendo.topup.bank.iban", "IT00X0000000000000000000000", "rivendo.topup.bank.name", "Banca Due"));
		assertThat(set.minAmount()).isEqualTo(Money.of("60.00"));
		assertThat(set.maxAmount()).isEqualTo(Money.of("1000.50"));
		assertThat(set.bank().iban()).isEqualTo("IT00X0000000000000000000000");
		assertThat(set.bank().name()).isEqualTo("Banca Due");
		assertThat(set.bank().beneficiary()).isEqualTo("Rivendo S.r.l.");

		TopUpProperties defaults = bind(Map.of("rivendo.other", "x"));
		assertThat(defaults.minAmount()).isEqualTo(Money.of("50.00"));
		assertThat(defaults.maxAmount()).isEqualTo(Money.of("50000.00"));
		assertThat(defaults.bank().name()).isEqualTo("Banca di Esempio");
	}

	@Test
	void theEnvironmentVariablesInTheReadmeStillSetThem() {
		Map<String, Object> environment = Map.of("RIVENDO_TOPUP_MIN_AMOUNT", "70.00", "RIVENDO_TOPUP_MAX_AMOUNT", "900",
				"RIVENDO_TOPUP_BANK_IBAN", "IT11X", "RIVENDO_TOPUP_BANK_NAME", "Banca Tre",
				"RIVENDO_TOPUP_BANK_BENEFICIARY", "Rivendo S.p.A.");
		SystemEnvironmentPropertySource variables = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
		TopUpProperties set = new Binder(ConfigurationPropertySources.from(variables)).bindOrCreate("rivendo.topup",
				TopUpProperties.class);
		assertThat(set.minAmount()).isEqualTo(Money.of("70.00"));
		assertThat(set.maxAmount()).isEqualTo(Money.of("900.00"));
		assertThat(set.bank())
			.isEqualTo(new it.rivendo.credit.TopUps.BankDetails("Rivendo S.p.A.", "IT11X", "Banca Tre"));
	}

	private static TopUpProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("rivendo.topup",
				TopUpProperties.class);
	}

}
