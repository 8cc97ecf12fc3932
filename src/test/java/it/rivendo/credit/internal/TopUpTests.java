package it.rivendo.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.credit.EntryKind;
import it.rivendo.credit.LedgerEntry;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUpStatus;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A top-up changes only while pending, credits once what it should, and names the ledger
 * entry it credited.
 */
class TopUpTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	final List<Money> credited = new ArrayList<>();

	final TopUp.Crediting ledger = (resellerId, amount, reference, actor) -> {
		credited.add(amount);
		return new LedgerEntry(100 + credited.size(), resellerId, EntryKind.TOPUP, amount, amount, reference,
				"Ricarica " + reference, actor, NOW);
	};

	@Test
	void aConfirmedTransferCreditsWhatArrivedOnce() {
		TopUp topUp = bank("250.00");
		LedgerEntry entry = topUp.confirmTransfer(Money.of("249.50"), LocalDate.of(2026, 3, 1), " CRO1 ",
				"staff@test.it", NOW, ledger);

		assertThat(credited).containsExactly(Money.of("249.50"));
		assertThat(topUp.status()).isEqualTo(TopUpStatus.COMPLETED);
		assertThat(topUp.ledgerEntryId()).isEqualTo(entry.id());
		assertThat(topUp.receivedAmount()).isEqualTo(Money.of("249.50"));
		assertThat(topUp.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(topUp.bankReference()).isEqualTo("CRO1");
		assertThat(topUp.confirmedBy()).isEqualTo("staff@test.it");
		assertThat(topUp.completedAt()).isEqualTo(NOW);

		assertThatThrownBy(() -> topUp.confirmTransfer(Money.of("249.50"), null, null, "staff@test.it", NOW, ledger))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("topup.alreadyDone"));
		assertThatThrownBy(() -> topUp.cancel("ripensamento", "staff@test.it")).isInstanceOf(Refusal.class);
		assertThat(credited).hasSize(1);
	}

	@Test
	void nothingArrivedIsRefusedAndCreditsNothing() {
		TopUp topUp = bank("100.00");
		for (String received : new String[] { "0.00", "-5.00" }) {
			assertThatThrownBy(() -> topUp.confirmTransfer(Money.of(received), null, null, "staff", NOW, ledger))
				.isInstanceOfSatisfying(Refusal.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("topup.error.received"));
		}
		assertThat(credited).isEmpty();
		assertThat(topUp.isPending()).isTrue();
	}

	@Test
	void aCardPaymentCreditsTheAmountRequested() {
		TopUp topUp = new TopUp("RIC-2026-000002", 7, Money.of("80.00"), PaymentMethod.CARD, "prov-1",
				"reseller@test.it", NOW);
		topUp.completeCardPayment("demo", NOW, ledger);

		assertThat(credited).containsExactly(Money.of("80.00"));
		assertThat(topUp.status()).isEqualTo(TopUpStatus.COMPLETED);
		assertThat(topUp.confirmedBy()).isEqualTo("provider:demo");
		assertThatThrownBy(() -> topUp.completeCardPayment("demo", NOW, ledger)).isInstanceOf(Refusal.class);
		assertThat(credited).hasSize(1);
	}

	@Test
	void aBankTransferIsNotPaidAtACardProvider() {
		assertThatThrownBy(() -> bank("100.00").completeCardPayment("demo", NOW, ledger))
			.isInstanceOf(IllegalStateException.class);
		assertThat(credited).isEmpty();
	}

	@Test
	void aCancelledTopUpNeedsAReasonAndIsNeverCredited() {
		TopUp topUp = bank("100.00");
		assertThatThrownBy(() -> topUp.cancel(" ", "staff@test.it")).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("topup.error.reason"));
		assertThat(topUp.isPending()).isTrue();

		topUp.cancel("Bonifico mai arrivato", "staff@test.it");

		assertThat(topUp.status()).isEqualTo(TopUpStatus.CANCELLED);
		assertThatThrownBy(() -> topUp.confirmTransfer(Money.of("100.00"), null, null, "staff", NOW, ledger))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> topUp.cancel("di nuovo", "staff@test.it")).isInstanceOf(Refusal.class);
		assertThat(credited).isEmpty();
	}

	@Test
	void aTopUpAddsCreditAndOnlyACardHasAProviderReference() {
		assertThatThrownBy(() -> new TopUp("R", 7, Money.ZERO, PaymentMethod.BANK, null, "r", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TopUp("R", 7, Money.of("50.00"), PaymentMethod.BANK, "p", "r", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TopUp("R", 7, Money.of("50.00"), PaymentMethod.CARD, null, "r", NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static TopUp bank(String amount) {
		return new TopUp("RIC-2026-000001", 7, Money.of(amount), PaymentMethod.BANK, null, "reseller@test.it", NOW);
	}

}
