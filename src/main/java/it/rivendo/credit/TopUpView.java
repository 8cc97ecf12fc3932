package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A top-up as the reseller's and the staff's pages show it.
 *
 * @param requestedByName the name of the user of the team who asked for it (issue 17), or
 * null for a top-up from before teams
 */
public record TopUpView(long id, String reference, long resellerId, String resellerName, Money amount,
		PaymentMethod method, TopUpStatus status, Instant createdAt, Instant completedAt, Money receivedAmount,
		LocalDate receivedOn, String bankReference, String confirmedBy, String requestedByName) {

	public boolean pending() {
		return status == TopUpStatus.PENDING;
	}
}
