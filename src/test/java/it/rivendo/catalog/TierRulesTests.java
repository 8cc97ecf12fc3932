package it.rivendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.catalog.TierRules.Tier;
import it.rivendo.catalog.TopUpTotals.TopUpHistory;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which tier the top-ups of the last 12 months earn: the highest whose threshold they
 * reach, the base tier after 6 months without a top-up. (Pinning, the window and the
 * database: TierRulesIT.)
 */
class TierRulesTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
	static final List<Tier> TIERS = List.of(tier(1, "BASE", "0", "0.00"), tier(2, "BRONZE", "10", "100.00"),
			tier(3, "SILVER", "20", "1000.00"), tier(4, "GOLD", "30", "5000.00"));

	@ParameterizedTest(name = "{0} topped up, the last {1} days ago: {2}")
	@CsvSource({ "0.00, , BASE", "99.99, 1, BASE", "100.00, 1, BRONZE", "150.00, 1, BRONZE", "1050.00, 10, SILVER",
			"5000.00, 0, GOLD", "6050.00, 30, GOLD", "6000.00, 182, GOLD", "6000.00, 184, BASE", "6000.00, 200, BASE" })
	void theHighestThresholdReachedUnlessTheLastTopUpIsOverSixMonthsOld(String total, Integer daysAgo, String earned) {
		TopUpHistory history = new TopUpHistory(Money.of(total),
				daysAgo == null ? null : NOW.minus(Duration.ofDays(daysAgo)));
		assertThat(TierRules.earned(TIERS, history, NOW).code()).isEqualTo(earned);
	}

	private static Tier tier(long id, String code, String percent, String minTopUp) {
		return new Tier(id, code, new LocalizedText(code, code), new BigDecimal(percent), Money.of(minTopUp));
	}

}
