package it.rivendo.handoff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The handoff settings under {@code rivendo.handoff.*} (the hourly clean-up's schedule is
 * {@code rivendo.handoff.cleanup-cron}).
 *
 * @param validity how long a token or code can be used after it was made (5 minutes)
 * @param maxPerMinute how many handoffs one user may make in a minute (5)
 * @param maxWrongCodes how many wrong codes one address may type in 10 minutes before its
 * codes are refused unread (20)
 */
@ConfigurationProperties("rivendo.handoff")
public record HandoffProperties(@DefaultValue("5m") Duration validity, @DefaultValue("5") int maxPerMinute,
		@DefaultValue("20") int maxWrongCodes) {
}
