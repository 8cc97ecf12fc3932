package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.time.Instant;

/** Credit was topped up (published in the same transaction as the ledger entry). */
public record TopUpRecorded(long entryId, long resellerId, Money amount, String reference, Instant recordedAt) {
}
