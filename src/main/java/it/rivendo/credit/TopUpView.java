package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/** A top-up as the reseller's and the staff's pages show it. */
public record TopUpView(long id, String reference, long resellerId, String resellerName, Money amount,
		PaymentMethod method, TopUpStatus status, Instant createdAt, Instant completedAt, Money receivedAmount,
		LocalDate receivedOn, String bankReference, String confirmedBy) {

	public boolean pending() {
		return status == TopUpStatus.PENDING;
	}
}
