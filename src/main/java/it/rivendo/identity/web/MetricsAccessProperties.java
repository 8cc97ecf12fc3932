package it.rivendo.identity.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics without logging in.
 *
 * @param metricsFrom the addresses or CIDR ranges that may scrape
 * {@code /actuator/prometheus} without a login ({@code rivendo.ops.metrics-from},
 * {@code RIVENDO_METRICS_FROM}); loopback when not set, nobody when empty
 */
@ConfigurationProperties("rivendo.ops")
public record MetricsAccessProperties(List<String> metricsFrom) {

	public MetricsAccessProperties {
		metricsFrom = metricsFrom == null ? List.of("127.0.0.1", "::1") : List.copyOf(metricsFrom);
	}
}
