package it.rivendo.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} health component. An unreachable SMTP server is reported as
 * {@code DEGRADED}, not {@code DOWN}: e-mails wait in the outbox and are retried, so
 * taking every instance out of the load balancer for a mail outage would stop sales for
 * no gain. {@code DEGRADED} answers HTTP 200 and ranks above {@code UP} in the aggregate,
 * so whoever looks at {@code /actuator/health} sees it. The SMTP check is remembered for
 * a while, so that a busy health endpoint (it is public) does not open a connection to
 * the mail server per request.
 */
@Component("mail")
class SmtpHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "SMTP server unreachable: e-mails wait in the outbox");

	private static final Duration REMEMBER = Duration.ofSeconds(15);

	private final JavaMailSenderImpl mailSender;

	private final OutboxMessageRepository messages;

	private final Clock clock;

	private volatile Checked last;

	SmtpHealthIndicator(JavaMailSenderImpl mailSender, OutboxMessageRepository messages, Clock clock) {
		this.mailSender = mailSender;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Checked checked = last;
		Instant now = clock.instant();
		if (checked == null || checked.at().plus(REMEMBER).isBefore(now)) {
			checked = new Checked(now, reachable());
			last = checked;
		}
		Health.Builder health = checked.error() == null ? Health.up()
				: Health.status(DEGRADED).withDetail("error", checked.error());
		return health.withDetail("smtp", mailSender.getHost() + ":" + mailSender.getPort())
			.withDetail("pending", messages.countByStatus(OutboxMessage.Status.PENDING))
			.withDetail("failed", messages.countByStatus(OutboxMessage.Status.FAILED))
			.build();
	}

	/**
	 * @return null when the server answered, else why not
	 */
	private String reachable() {
		try {
			mailSender.testConnection();
			return null;
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private record Checked(Instant at, String error) {
	}

}
