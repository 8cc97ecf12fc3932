package it.rivendo.services.internal;

import it.rivendo.services.IdentificationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * A stand-in for the identification provider, in the {@code demo} profile only: its page
 * (under {@code /identification/demo}) says plainly that it is a simulation and lets the
 * end customer choose the outcome. Any bean implementing {@link IdentificationProvider}
 * replaces it. Outside the demo, without a real provider, staff confirm identifications
 * by hand.
 */
class DemoIdentificationProvider implements IdentificationProvider {

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public boolean demo() {
		return true;
	}

	@Override
	public String start(IdentificationRequest request) {
		return "/identification/demo/" + request.reference();
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("demo")
	static class Registration {

		@Bean
		@ConditionalOnMissingBean(IdentificationProvider.class)
		IdentificationProvider demoIdentificationProvider() {
			return new DemoIdentificationProvider();
		}

	}

}
