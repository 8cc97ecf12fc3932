package it.rivendo.credit.internal;

import it.rivendo.shared.Money;
import it.rivendo.credit.PaymentProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * A stand-in card provider for the {@code demo} profile only: its page says it is a
 * simulation, and no money moves. Outside the demo there is no card top-up unless a real
 * provider (a bean implementing {@link PaymentProvider}) is there.
 */
class DemoPaymentProvider implements PaymentProvider {

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public boolean demo() {
		return true;
	}

	@Override
	public String start(String providerReference, Money amount, String description) {
		return "/account/payments/demo/" + providerReference;
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("demo")
	static class Registration {

		@Bean
		@ConditionalOnMissingBean(PaymentProvider.class)
		PaymentProvider demoPaymentProvider() {
			return new DemoPaymentProvider();
		}

	}

}
