package it.rivendo.ordering;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a renewal an Operatore's request holds can still be paid when a Titolare
 * approves it (issue 17). Implemented by the module that owns the services, so that
 * ordering does not depend on it; the payment itself checks again, under the service's
 * lock, when it renews.
 */
public interface RenewalCheck {

	/**
	 * Why the service can no longer be renewed from {@code term.validUntil()} at
	 * {@code now}, as a message key ({@code service.error.notRenewable},
	 * {@code renewalNotOpen}, {@code renewalClosed}, {@code alreadyRenewed}), or null
	 * when it can.
	 */
	@Nullable String refusal(long resellerId, RenewedTerm term, Instant now);

}
