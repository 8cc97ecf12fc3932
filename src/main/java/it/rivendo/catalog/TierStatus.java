package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a reseller stands: its tier since when, until when it holds without a new top-up,
 * and how much more top-up in the last 12 months reaches the next tier (null at the top,
 * or when staff pinned the tier).
 */
public record TierStatus(String code, LocalizedText name, BigDecimal percent, Instant since, boolean pinned,
		Instant holdsUntil, Money toppedUpInWindow, LocalizedText nextName, Money missingForNext) {
}
