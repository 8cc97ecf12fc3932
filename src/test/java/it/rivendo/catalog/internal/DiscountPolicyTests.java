package it.rivendo.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The discount on a product: the reseller's own override, else its tier's override, else
 * the tier's percentage.
 */
class DiscountPolicyTests {

	static final long REMOTA = 1;
	static final long SPIDP = 2;

	@Test
	void theTierPercentageAppliesToEveryProductWithoutOverride() {
		DiscountPolicy silver = new DiscountPolicy(percent("20"), Map.of(), Map.of());
		assertThat(silver.percentFor(REMOTA)).isEqualByComparingTo("20");
		assertThat(Money.of("39.00").discountedBy(silver.percentFor(REMOTA))).isEqualTo(Money.of("31.20"));
	}

	@Test
	void aTierOverrideBeatsTheTierAndAResellerOverrideBeatsBoth() {
		DiscountPolicy gold = new DiscountPolicy(percent("30"), Map.of(REMOTA, percent("15")), Map.of());
		assertThat(gold.percentFor(REMOTA)).isEqualByComparingTo("15");
		assertThat(gold.percentFor(SPIDP)).isEqualByComparingTo("30");

		DiscountPolicy goldWithOwnDeal = new DiscountPolicy(percent("30"), Map.of(REMOTA, percent("15")),
				Map.of(REMOTA, percent("35")));
		assertThat(goldWithOwnDeal.percentFor(REMOTA)).isEqualByComparingTo("35");
		assertThat(Money.of("39.00").discountedBy(goldWithOwnDeal.percentFor(REMOTA))).isEqualTo(Money.of("25.35"));
		assertThat(goldWithOwnDeal.percentFor(SPIDP)).isEqualByComparingTo("30");
	}

	@Test
	void anOwnOverrideCanAlsoLowerTheDiscount() {
		DiscountPolicy policy = new DiscountPolicy(percent("30"), Map.of(), Map.of(SPIDP, percent("0")));
		assertThat(policy.percentFor(SPIDP)).isEqualByComparingTo("0");
		assertThat(Money.of("14.90").discountedBy(policy.percentFor(SPIDP))).isEqualTo(Money.of("14.90"));
	}

	@Test
	void laterChangesToTheMapsItWasBuiltFromDoNotReachIt() {
		Map<Long, BigDecimal> overrides = new java.util.HashMap<>(Map.of(REMOTA, percent("15")));
		DiscountPolicy policy = new DiscountPolicy(percent("30"), overrides, Map.of());
		overrides.put(REMOTA, percent("90"));
		assertThat(policy.percentFor(REMOTA)).isEqualByComparingTo("15");
	}

	private static BigDecimal percent(String value) {
		return new BigDecimal(value);
	}

}
