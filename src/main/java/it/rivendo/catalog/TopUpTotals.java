package it.rivendo.catalog;

import it.rivendo.shared.Money;
import java.time.Instant;

/**
 * What tiers are earned with: a reseller's top-ups. Implemented by the module that keeps
 * them (the credit ledger), so that this module does not depend on it; that module tells
 * {@link TierRules#recompute} when a top-up is recorded.
 */
public interface TopUpTotals {

	/** The sum of top-ups since the given instant, and when the last one was made. */
	TopUpHistory topUpsSince(long resellerId, Instant since);

	/**
	 * How much was topped up in a window, and when the last top-up ever was (null if
	 * never).
	 */
	record TopUpHistory(Money total, Instant last) {
	}

}
