package it.rivendo.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CreditLedgerIT {

	@Autowired
	CreditLedger ledger;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		reseller = shop.reseller("ledger@test.it", "BASE", "0");
	}

	@Test
	void balanceIsTheSumOfEntriesAfterAMixedSequence() {
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("100.00"), "T1", "ricarica", "test");
		ledger.debit(reseller, EntryKind.PURCHASE, Money.of("31.20"), "O1", "ordine", "test");
		ledger.credit(reseller, EntryKind.REFUND, Money.of("31.20"), "O1", "rimborso", "test");
		ledger.debit(reseller, EntryKind.PURCHASE, Money.of("60.85"), "O2", "ordine", "test");
		ledger.credit(reseller, EntryKind.ADJUSTMENT, Money.of("0.01"), "A1", "rettifica", "staff@test.it");
		ledger.debit(reseller, EntryKind.ADJUSTMENT, Money.of("39.16"), "A2", "rettifica", "staff@test.it");

		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.of("0.00"));
		assertThat(ledger.sumOfEntries(reseller)).isEqualTo(ledger.balanceOf(reseller));
		var entries = ledger.entries(reseller, PageRequest.of(0, 10));
		assertThat(entries.getTotalElements()).isEqualTo(6);
		assertThat(entries.getContent().get(0).balanceAfter()).isEqualTo(Money.of("0.00"));
		assertThat(entries.getContent().get(5).amount()).isEqualTo(Money.of("100.00"));
	}

	@Test
	void anOverdraftIsRefusedAndChangesNothing() {
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("50.00"), "T1", "ricarica", "test");
		assertThatThrownBy(() -> ledger.debit(reseller, EntryKind.PURCHASE, Money.of("50.01"), "O1", "ordine", "t"))
			.isInstanceOfSatisfying(InsufficientCreditException.class,
					ex -> assertThat(ex.missing()).isEqualTo(Money.of("0.01")));
		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.of("50.00"));
		assertThat(ledger.entries(reseller, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
	}

	@Test
	void entriesAreImmutableInTheDatabase() {
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("10.00"), "T1", "ricarica", "test");
		assertThatThrownBy(() -> jdbc.sql("update credit_entry set amount = 1000").update())
			.hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("delete from credit_entry").update()).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("update credit_account set balance = -1").update())
			.hasMessageContaining("credit_account_balance_check");
	}

	@Test
	void fiftyConcurrentDebitsAgainstABalanceForSeventeen() throws Exception {
		ledger.credit(reseller, EntryKind.TOPUP, Money.of("170.00"), "T1", "ricarica", "test");
		List<Boolean> outcomes = Race.run(50, i -> {
			try {
				ledger.debit(reseller, EntryKind.PURCHASE, Money.of("10.00"), "O", "ordine", "test");
				return true;
			}
			catch (InsufficientCreditException ex) {
				return false;
			}
		});
		assertThat(outcomes.stream().filter(ok -> ok).count()).isEqualTo(17);
		assertThat(ledger.balanceOf(reseller)).isEqualTo(Money.ZERO);
		assertThat(ledger.sumOfEntries(reseller)).isEqualTo(Money.ZERO);
		assertThat(ledger.entries(reseller, PageRequest.of(0, 100)).getTotalElements()).isEqualTo(18);
	}

}
