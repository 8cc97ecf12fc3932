package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.time.Instant;

/** One immutable movement of a reseller's credit: positive adds, negative spends. */
public record LedgerEntry(long id, long resellerId, EntryKind kind, Money amount, Money balanceAfter, String reference,
		String description, String createdBy, Instant createdAt) {
}
