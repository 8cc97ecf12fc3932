package it.rivendo.support;

import java.time.Instant;
import java.util.List;

/** A support request with its answers, oldest answer first. */
public record SupportRequestView(long id, Long resellerId, String senderName, String senderEmail, SupportTopic topic,
		String orderNumber, String message, String locale, SupportStatus status, Instant createdAt, Instant closedAt,
		String closedBy, List<Answer> answers) {

	public record Answer(String body, String answeredBy, Instant at) {
	}

	public boolean fromReseller() {
		return resellerId != null;
	}

	public boolean closed() {
		return status == SupportStatus.CLOSED;
	}
}
