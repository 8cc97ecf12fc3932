package it.rivendo.web;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Who may say who the client is. Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}) takes the client's address from
 * {@code X-Forwarded-For} and the scheme from {@code X-Forwarded-Proto}, but by default
 * it believes any private address (10/8, 172.16/12, 192.168/16, ...): anyone on such a
 * network could then pick the address the shop sees, and slip past the per-address limits
 * and the metrics allow-list by rotating the header. Here only the configured proxies
 * ({@code rivendo.web.trusted-proxies}: addresses or CIDR ranges, loopback by default)
 * are believed; from anyone else the headers are ignored.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	@Bean
	WebServerFactoryCustomizer<TomcatWebServerFactory> trustedProxiesOnly(TrustedProxiesProperties web) {
		return new OnlyTheseProxies(cidrs(web.trustedProxies()));
	}

	/**
	 * Each address as a CIDR range of its own (Tomcat reads a list with a '/' as ranges,
	 * anything else as a regex).
	 */
	static String cidrs(List<String> proxies) {
		return proxies.stream()
			.map(String::strip)
			.filter(proxy -> !proxy.isEmpty())
			.map(proxy -> proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32"))
			.collect(Collectors.joining(","));
	}

	/** Runs after Spring Boot's own customizer, which adds the valve. */
	private record OnlyTheseProxies(
			String cidrs) implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatWebServerFactory factory) {
			factory.getEngineValves()
				.stream()
				.filter(RemoteIpValve.class::isInstance)
				.map(RemoteIpValve.class::cast)
				.forEach(valve -> {
					// an empty list trusts nobody: the headers are then never read
					valve.setInternalProxies(cidrs);
					valve.setTrustedProxies(null);
				});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

}
