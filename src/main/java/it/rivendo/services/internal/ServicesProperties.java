package it.rivendo.services.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services module's settings ({@code rivendo.services.*}).
 *
 * @param activationDays how many days after the purchase a service can still be activated
 * (120 unless set)
 * @param autoRenewWorkers how many resellers' automatic renewals the daily run pays at
 * once (4 unless set; 1: one after the other). A reseller's own services are always
 * renewed one after the other, soonest first, so a short credit goes to the services that
 * expire first.
 */
@ConfigurationProperties("rivendo.services")
public record ServicesProperties(@DefaultValue("120") int activationDays, @DefaultValue("4") int autoRenewWorkers) {

	public ServicesProperties {
		if (autoRenewWorkers < 1) {
			throw new IllegalArgumentException("rivendo.services.auto-renew-workers must be at least 1");
		}
	}

}
