package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.time.Instant;

/**
 * A top-up was added to a reseller's credit (ledger entry {@code entryId}). Published
 * inside the crediting transaction, so that what follows from it (the receipt, the tier)
 * commits or rolls back with it.
 */
public record TopUpRecorded(long entryId, long resellerId, Money amount, String reference, Instant recordedAt) {
}
