package it.rivendo.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this instance fires the scheduled jobs ({@code rivendo.scheduling.enabled},
 * true unless set; false in the tests, which run the jobs by hand).
 */
@ConfigurationProperties("rivendo.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean enabled) {
}
