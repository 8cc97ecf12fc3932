package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;

/** The discount tier a reseller is in. */
public record DiscountTierInfo(String code, LocalizedText name, BigDecimal percent, Instant since) {
}
