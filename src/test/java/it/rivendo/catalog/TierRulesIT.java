package it.rivendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import it.rivendo.support.Race;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tiers follow top-ups over 12 months, fall back after 6 months without one, and stay put
 * when staff pin them.
 */
@IntegrationTest
class TierRulesIT {

	@Autowired
	TierRules tiers;

	@Autowired
	CreditLedger ledger;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("BRONZE", "10").tier("SILVER", "20").tier("GOLD", "30");
		tiers.setThreshold("BRONZE", Money.of("100.00"), "test");
		tiers.setThreshold("SILVER", Money.of("1000.00"), "test");
		tiers.setThreshold("GOLD", Money.of("5000.00"), "test");
		reseller = shop.reseller("r@test.it", "BASE", "0");
		tiers.unpin(reseller, "test");
	}

	@Test
	void topUpsRaiseTheTierAndSayWhatReachesTheNext() {
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("BASE");
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("150.00"), "T1", "ricarica", "test");
		TierStatus bronze = tiers.statusOf(reseller);
		assertThat(bronze.code()).isEqualTo("BRONZE");
		assertThat(bronze.missingForNext()).isEqualTo(Money.of("850.00"));
		assertThat(bronze.nextName().it()).isEqualTo("SILVER");
		assertThat(bronze.holdsUntil()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(180)));

		ledger.credit(reseller, EntryKind.TOPUP, Money.of("900.00"), "T2", "ricarica", "test");
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("SILVER");
		// spending does not lower the tier; adjustments do not raise it
		ledger.credit(reseller, EntryKind.ADJUSTMENT, Money.of("9000.00"), "A", "rettifica", "staff");
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("SILVER");
	}

	@Test
	void sixMonthsWithoutTopUpsFallBackToBase() {
		oldTopUp("6000.00", 200);
		tiers.recompute(reseller);
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("BASE");

		oldTopUp("50.00", 30); // recent, but 6050 over 12 months
		tiers.recompute(reseller);
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("GOLD");
		assertThat(tiers.recomputeAll()).isEqualTo(1);
	}

	@Test
	void aPinnedTierStaysUntilUnpinned() {
		tiers.pin(reseller, "GOLD", "Accordo commerciale", "staff@test.it");
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("150.00"), "T1", "ricarica", "test");
		tiers.recomputeAll();
		TierStatus pinned = tiers.statusOf(reseller);
		assertThat(pinned.code()).isEqualTo("GOLD");
		assertThat(pinned.pinned()).isTrue();
		assertThat(pinned.nextName()).isNull();

		tiers.unpin(reseller, "staff@test.it");
		assertThat(tiers.statusOf(reseller).code()).isEqualTo("BRONZE");
		assertThat(jdbc.sql("select count(*) from audit_event where action like 'TIER_%PINNED'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	/**
	 * The nightly recomputation (and the one after staff save thresholds) while top-ups
	 * move resellers up (issue 22): it was one transaction over every reseller, holding
	 * the catalog's version row (V161) from its first change on, and a top-up holding its
	 * reseller's tier row while waiting for that row deadlocked with it. Now no
	 * exception, and every tier is the one its top-ups earn.
	 */
	@Test
	void recomputingEveryTierWhileTopUpsMoveResellersUpNeitherDeadlocksNorUndoesThem() throws Exception {
		for (int round = 0; round < 3; round++) {
			List<Long> resellers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				long id = shop.reseller("race" + round + "-" + i + "@test.it", "BASE", "0");
				tiers.unpin(id, "test");
				// a tier no top-up earns: the recomputation moves it down, the top-up up
				jdbc.sql("update reseller_tier set tier_id = (select id from discount_tier where code = 'GOLD')"
						+ " where reseller_id = ?")
					.param(id)
					.update();
				resellers.add(id);
			}
			Race.run(resellers.size() + 1, i -> {
				if (i == 0) {
					return tiers.recomputeAll();
				}
				ledger.credit(resellers.get(i - 1), EntryKind.TOPUP, Money.of("150.00"), "R" + i, "ricarica", "test");
				return 0;
			});
			for (long id : resellers) {
				assertThat(tiers.statusOf(id).code()).as("reseller %d", id).isEqualTo("BRONZE");
				assertThat(ledger.balanceOf(id)).isEqualTo(Money.of("150.00"));
				assertThat(ledger.sumOfEntries(id)).isEqualTo(Money.of("150.00"));
			}
		}
	}

	/**
	 * A top-up made some days ago (entries cannot be changed afterwards, so it is written
	 * that way).
	 */
	private void oldTopUp(String amount, int daysAgo) {
		jdbc.sql("""
				insert into credit_account (reseller_id, balance) values (:r, :a)
				on conflict (reseller_id) do update set balance = credit_account.balance + excluded.balance""")
			.param("r", reseller)
			.param("a", new java.math.BigDecimal(amount))
			.update();
		jdbc.sql("""
				insert into credit_entry (reseller_id, kind, amount, balance_after, description, created_at)
				select :r, 'TOPUP', :a, balance, 'vecchia ricarica', now() - make_interval(days => :d)
				from credit_account where reseller_id = :r""")
			.param("r", reseller)
			.param("a", new java.math.BigDecimal(amount))
			.param("d", daysAgo)
			.update();
	}

}
