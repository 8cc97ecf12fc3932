package it.rivendo.ordering.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order approvals' settings ({@code rivendo.approvals.*}).
 *
 * @param days how many days a request waits for a Titolare before it expires
 */
@ConfigurationProperties("rivendo.approvals")
public record ApprovalProperties(@DefaultValue("7") int days) {
}
