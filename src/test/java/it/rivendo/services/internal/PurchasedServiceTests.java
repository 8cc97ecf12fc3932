package it.rivendo.services.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.services.EndCustomer;
import it.rivendo.shared.Refusal;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The life of a purchased service, each transition guarded: Da associare → Associato →
 * (activation started) → Attivo; Scaduto after the deadline; Sospeso until a date;
 * Annullato for good.
 */
class PurchasedServiceTests {

	static final Instant BOUGHT = Instant.parse("2026-01-10T09:00:00Z");
	static final Instant DEADLINE = BOUGHT.plus(Duration.ofDays(120));
	static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 0000000");

	final PurchasedService service = new PurchasedService(1, 10, "RV-2026-000010", 100, 7, "REMOTA",
			new LocalizedText("Firma remota", "Remote signature"), IdentificationMode.SPID, Money.of("31.20"), BOUGHT,
			DEADLINE);

	@Test
	void aNewServiceWaitsToBeAssociated() {
		assertThat(service.status()).isEqualTo(ServiceStatus.NOT_ASSOCIATED);
		assertThat(service.canChangeAssociation()).isFalse();
	}

	@Test
	void associaKeepsTheEmailNormalisedAndCanBeChangedUntilActivationStarts() {
		service.associateTo("  Mario.Rossi@Example.IT ", " ", at(1));
		assertThat(service.status()).isEqualTo(ServiceStatus.ASSOCIATED);
		assertThat(service.customerEmail()).isEqualTo("mario.rossi@example.it");
		assertThat(service.customerName()).isNull();
		assertThat(service.canChangeAssociation()).isTrue();

		service.associateTo("mario@example.it", "Mario Rossi", at(2));
		assertThat(service.customerEmail()).isEqualTo("mario@example.it");

		service.startActivation(MARIO, at(3));
		assertThat(service.canChangeAssociation()).isFalse();
		assertThat(service.customerName()).isEqualTo("Mario Rossi");
		assertThatThrownBy(() -> service.associateTo("other@example.it", null, at(4))).isInstanceOfSatisfying(
				Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("service.error.notAssociable"));
		assertThat(service.customerEmail()).isEqualTo("mario@example.it");
	}

	@Test
	void itBecomesActiveOnlyAfterTheEndCustomerStartedActivation() {
		assertThatThrownBy(() -> service.activate(at(1))).isInstanceOf(Refusal.class);
		service.associateTo("mario@example.it", null, at(1));
		assertThatThrownBy(() -> service.activate(at(2))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("activation.error.notActivatable"));

		service.startActivation(MARIO, at(2));
		service.activate(at(3));
		assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(service.activatedAt()).isEqualTo(at(3));
		assertThatThrownBy(() -> service.startActivation(MARIO, at(4))).isInstanceOf(Refusal.class);
	}

	@Test
	void afterTheDeadlineNothingCanStartAndTheServiceExpiresUnlessActive() {
		Instant late = DEADLINE.plusSeconds(1);
		assertThatThrownBy(() -> service.associateTo("mario@example.it", null, late)).isInstanceOfSatisfying(
				Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("service.error.deadlinePassed"));
		assertThat(service.expireIfLate(DEADLINE)).isFalse();
		assertThat(service.expireIfLate(late)).isTrue();
		assertThat(service.status()).isEqualTo(ServiceStatus.EXPIRED);

		PurchasedService active = activeService();
		assertThat(active.expireIfLate(late)).isFalse();
		assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void onlyAnActiveServiceIsSuspendedAndOnlyUntilAFutureDate() {
		assertThatThrownBy(() -> service.suspend(at(30), "verifica", at(1))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.notSuspendable"));
		PurchasedService active = activeService();
		assertThatThrownBy(() -> active.suspend(at(5), "verifica", at(5))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.suspendPast"));

		active.suspend(at(30), "verifica", at(5));
		assertThat(active.status()).isEqualTo(ServiceStatus.SUSPENDED);
		assertThat(active.resumeIfDue(at(29))).isFalse();
		assertThat(active.resumeIfDue(at(30))).isTrue();
		assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(active.suspendedUntil()).isNull();
	}

	@Test
	void revokingIsForGoodAndHappensOnce() {
		PurchasedService active = activeService();
		active.suspend(at(30), "verifica", at(5));
		active.revoke("frode", at(6));
		assertThat(active.status()).isEqualTo(ServiceStatus.CANCELLED);
		assertThat(active.statusReason()).isEqualTo("frode");
		assertThat(active.suspendedUntil()).isNull();
		assertThat(active.resumeIfDue(at(31))).isFalse();
		assertThatThrownBy(() -> active.revoke("ancora", at(7))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.alreadyRevoked"));
	}

	@Test
	void aCancelledOrderAnnulsItsServicesWhateverTheirStateAndOnlyOnce() {
		assertThat(service.annulForCancelledOrder("ordine annullato", at(1))).isTrue();
		assertThat(service.status()).isEqualTo(ServiceStatus.CANCELLED);
		assertThat(service.annulForCancelledOrder("ordine annullato", at(2))).isFalse();
		assertThat(service.expireIfLate(DEADLINE.plusSeconds(1))).isFalse();
	}

	private PurchasedService activeService() {
		PurchasedService active = new PurchasedService(1, 10, "RV-2026-000010", 101, 7, "REMOTA",
				new LocalizedText("Firma remota", "Remote signature"), IdentificationMode.SPID, Money.of("31.20"),
				BOUGHT, DEADLINE);
		active.associateTo("mario@example.it", null, at(1));
		active.startActivation(MARIO, at(2));
		active.activate(at(3));
		return active;
	}

	private static Instant at(int day) {
		return BOUGHT.plus(Duration.ofDays(day));
	}

}
