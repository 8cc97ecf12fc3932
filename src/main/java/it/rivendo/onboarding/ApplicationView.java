package it.rivendo.onboarding;

import it.rivendo.identity.BillingAddress;
import java.time.Instant;

/** An application to become a reseller, as staff review it. */
public record ApplicationView(long id, ApplicationStatus status, BillingAddress billing, String contactName,
		String email, String phone, Instant createdAt, Instant decidedAt, String decidedBy, String reason,
		Long resellerId) {

	public boolean pending() {
		return status == ApplicationStatus.PENDING;
	}
}
