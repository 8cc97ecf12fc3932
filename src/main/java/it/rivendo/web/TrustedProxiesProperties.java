package it.rivendo.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The page frame's settings under {@code rivendo.web.*}: which proxies are trusted (named
 * so, not WebProperties, which is Spring Boot's spring.web.* settings).
 *
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed (addresses or CIDR ranges;
 * {@code RIVENDO_TRUSTED_PROXIES}); loopback when not set, nobody when empty
 */
@ConfigurationProperties("rivendo.web")
public record TrustedProxiesProperties(List<String> trustedProxies) {

	public TrustedProxiesProperties {
		trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "::1") : List.copyOf(trustedProxies);
	}
}
