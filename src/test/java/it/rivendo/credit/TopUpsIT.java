package it.rivendo.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Top-ups credit exactly once, whoever confirms and however often, and the ledger always
 * equals the balance.
 */
@IntegrationTest
class TopUpsIT {

	@Autowired
	TopUps topUps;

	@Autowired
	CreditAdjustments adjustments;

	@Autowired
	CreditLedger ledger;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser reseller;

	ShopUser staff;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("reseller@test.it", "BASE", "0");
		reseller = shop.userOf(resellerId, "reseller@test.it");
		staff = shop.staff();
	}

	@Test
	void aBankTransferWaitsForStaffAndIsCreditedOnceWithOneEmail() throws Exception {
		TopUpView requested = topUps.request(reseller, Money.of("250.00"), PaymentMethod.BANK).topUp();
		assertThat(requested.reference()).matches("RIC-\\d{4}-\\d{6}");
		assertThat(requested.pending()).isTrue();
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.ZERO);
		assertThat(mails("TOPUP_BANK_DETAILS")).isEqualTo(1);
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'TOPUP_BANK_DETAILS'")
			.query(String.class)
			.single()).contains(requested.reference()).contains("IBAN");

		List<Boolean> confirmed = Race.run(10,
				i -> topUps.confirmTransfer(requested.id(), Money.of("250.00"), LocalDate.now(), "CRO" + i, staff));

		assertThat(confirmed.stream().filter(done -> done).count()).isEqualTo(1);
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("250.00"));
		assertThat(ledger.sumOfEntries(resellerId)).isEqualTo(ledger.balanceOf(resellerId));
		assertThat(topUps.view(requested.id()).status()).isEqualTo(TopUpStatus.COMPLETED);
		assertThat(mails("TOPUP_PAYMENT_RECEIVED")).isZero();
		assertThat(mails("TOPUP_CREDITED")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOPUP_COMPLETED'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whatArrivesIsWhatIsCredited() {
		TopUpView requested = topUps.request(reseller, Money.of("250.00"), PaymentMethod.BANK).topUp();
		topUps.confirmTransfer(requested.id(), Money.of("249.50"), LocalDate.now(), "CRO", staff);
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("249.50"));
	}

	@Test
	void aResellerCannotConfirmItsOwnTopUp() {
		TopUpView requested = topUps.request(reseller, Money.of("100.00"), PaymentMethod.BANK).topUp();
		assertThatThrownBy(
				() -> topUps.confirmTransfer(requested.id(), Money.of("100.00"), LocalDate.now(), "x", reseller))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.ZERO);
	}

	@Test
	void withoutAPaymentProviderACardTopUpIsRefusedAndNoCallbackCredits() {
		assertThat(topUps.cardOffered()).isFalse();
		assertThatThrownBy(() -> topUps.request(reseller, Money.of("50000.00"), PaymentMethod.CARD))
			.isInstanceOfSatisfying(Refusal.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("topup.error.cardUnavailable"));
		assertThat(topUps.cardPaid("anything")).isFalse();
		assertThat(jdbc.sql("select count(*) from top_up").query(Long.class).single()).isZero();
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.ZERO);
	}

	@Test
	void topUpsBelowTheMinimumOrCancelledCreditNothing() {
		assertThatThrownBy(() -> topUps.request(reseller, Money.of("49.99"), PaymentMethod.BANK))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("topup.error.minimum"));
		TopUpView requested = topUps.request(reseller, Money.of("100.00"), PaymentMethod.BANK).topUp();
		topUps.cancel(requested.id(), "Bonifico mai arrivato", staff);
		assertThat(topUps.confirmTransfer(requested.id(), Money.of("100.00"), LocalDate.now(), "x", staff)).isFalse();
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.ZERO);
	}

	@Test
	void staffAdjustmentsAreNewEntriesWithAReasonAndNeverOverdraw() {
		adjustments.adjust(resellerId, Money.of("30.00"), "Compensazione disservizio", staff);
		adjustments.adjust(resellerId, Money.of("-10.00"), "Storno", staff);
		assertThatThrownBy(() -> adjustments.adjust(resellerId, Money.of("-20.01"), "Troppo", staff))
			.isInstanceOf(it.rivendo.credit.InsufficientCreditException.class);
		assertThatThrownBy(() -> adjustments.adjust(resellerId, Money.of("5.00"), " ", staff))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> adjustments.adjust(resellerId, Money.of("5.00"), "io", reseller))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("20.00"));
		assertThat(ledger.sumOfEntries(resellerId)).isEqualTo(Money.of("20.00"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREDIT_ADJUSTED'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private long mails(String kind) {
		return jdbc.sql("select count(*) from mail_outbox where kind = ?").param(kind).query(Long.class).single();
	}

}
