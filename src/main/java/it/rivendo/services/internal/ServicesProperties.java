package it.rivendo.services.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services module's settings ({@code rivendo.services.*}).
 *
 * @param activationDays how many days after the purchase a service can still be activated
 * (120 unless set)
 */
@ConfigurationProperties("rivendo.services")
public record ServicesProperties(@DefaultValue("120") int activationDays) {
}
