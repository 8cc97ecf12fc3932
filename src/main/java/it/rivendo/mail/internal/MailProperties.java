package it.rivendo.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own mail settings ({@code rivendo.mail.*}; the SMTP server is Spring's
 * {@code spring.mail.*}).
 *
 * @param from the sender of every e-mail, e.g. {@code Rivendo <noreply@rivendo.it>}
 * ({@code RIVENDO_MAIL_FROM})
 */
@ConfigurationProperties("rivendo.mail")
public record MailProperties(String from) {
}
