package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.time.Duration;
import java.time.Instant;

/** A purchased service as the customer area and the staff pages list it. */
public record ServiceView(long id, long resellerId, String productCode, LocalizedText productName,
		IdentificationMode mode, String orderNumber, Instant purchasedAt, Money pricePaid, String customerEmail,
		String customerName, ServiceStatus status, Instant activationDeadline, Instant activatedAt,
		Instant suspendedUntil, String statusReason, boolean canAssociate, boolean canChangeAssociation) {

	/** Whole days left to activate, or -1 once it no longer applies. */
	public long daysLeft(Instant now) {
		if (status != ServiceStatus.NOT_ASSOCIATED && status != ServiceStatus.ASSOCIATED) {
			return -1;
		}
		return Math.max(0, Duration.between(now, activationDeadline).toDays());
	}
}
