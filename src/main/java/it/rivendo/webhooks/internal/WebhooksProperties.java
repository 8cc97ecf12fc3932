package it.rivendo.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhooks' settings ({@code rivendo.webhooks.*}).
 *
 * @param allowLoopbackHttp whether an endpoint may be a loopback address (127.0.0.1, ::1,
 * a name resolving only to them), also over plain {@code http://}: for the demo and the
 * tests; off in production, where only {@code https} to public addresses is accepted
 * @param connectTimeout how long to wait for an endpoint's connection
 * @param readTimeout how long to wait for its answer
 * @param retryFor how long a delivery is retried, and how long an endpoint may fail
 * before it is turned off
 * @param maxEndpoints how many endpoints a reseller may register
 */
@ConfigurationProperties("rivendo.webhooks")
public record WebhooksProperties(@DefaultValue("false") boolean allowLoopbackHttp,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("3d") Duration retryFor, @DefaultValue("10") int maxEndpoints) {
}
