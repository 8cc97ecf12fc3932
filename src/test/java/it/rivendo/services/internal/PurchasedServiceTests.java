package it.rivendo.services.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
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
 * (activation started) → Attivo; Non attivato in tempo after the deadline; Scaduto after
 * its term; Sospeso until a date; Annullato for good.
 */
class PurchasedServiceTests {

	static final Instant BOUGHT = Instant.parse("2026-01-10T09:00:00Z");
	static final Instant DEADLINE = BOUGHT.plus(Duration.ofDays(120));
	static final ServiceTerm YEAR = ServiceTerm.months(12, 90, 0);

	static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 0000000");

	final PurchasedService service = new PurchasedService(1, null, 10, "RV-2026-000010", 100, 7, "REMOTA",
			new LocalizedText("Firma remota", "Remote signature"), IdentificationMode.SPID, Money.of("31.20"), BOUGHT,
			DEADLINE, YEAR);

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
		assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVATION_EXPIRED);
		assertThat(service.endTermIfDue(late.plus(Duration.ofDays(400)))).isFalse();
		assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVATION_EXPIRED);

		PurchasedService active = activeService();
		assertThat(active.expireIfLate(late)).isFalse();
		assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void activationStartsTheTermItWasSoldWith() {
		assertThat(service.validUntil()).isNull();
		PurchasedService active = activeService(YEAR);
		assertThat(active.activatedAt()).isEqualTo(Instant.parse("2026-01-13T09:00:00Z"));
		assertThat(active.validUntil()).isEqualTo(Instant.parse("2027-01-13T09:00:00Z"));
	}

	@Test
	void theTermIsCountedInTheShopsTimeZoneAcrossDaylightSaving() {
		PurchasedService halfYear = purchased(ServiceTerm.months(6, 90, 0));
		halfYear.associateTo("mario@example.it", null, at(1));
		halfYear.startActivation(MARIO, at(2));
		halfYear.activate(Instant.parse("2026-04-01T08:00:00Z")); // 10:00 in Rome
																	// (summer)
		assertThat(halfYear.validUntil()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
		PurchasedService winter = purchased(ServiceTerm.months(6, 90, 0));
		winter.associateTo("mario@example.it", null, at(1));
		winter.startActivation(MARIO, at(2));
		winter.activate(Instant.parse("2026-07-01T08:00:00Z")); // 10:00 in Rome (summer)
		// still 10:00 in Rome, now in winter time
		assertThat(winter.validUntil()).isEqualTo(Instant.parse("2027-01-01T09:00:00Z"));
	}

	@Test
	void anActiveServiceEndsItsTermOnItsDateOnce() {
		PurchasedService active = activeService(YEAR);
		Instant end = active.validUntil();
		assertThat(active.endTermIfDue(end.minusSeconds(1))).isFalse();
		assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(active.endTermIfDue(end)).isTrue();
		assertThat(active.status()).isEqualTo(ServiceStatus.TERM_ENDED);
		assertThat(active.endTermIfDue(end.plusSeconds(3600))).isFalse();
	}

	@Test
	void aServiceWithoutTermNeverEnds() {
		PurchasedService stamps = activeService(ServiceTerm.NONE);
		assertThat(stamps.validUntil()).isNull();
		assertThat(stamps.endTermIfDue(at(10_000))).isFalse();
		assertThat(stamps.status()).isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void aSuspendedServiceEndsItsTermOnlyOnceActiveAgain() {
		PurchasedService active = activeService(YEAR);
		Instant end = active.validUntil();
		active.suspend(end.plusSeconds(60), "verifica", end.minusSeconds(60));
		assertThat(active.endTermIfDue(end)).isFalse();
		assertThat(active.resumeIfDue(end.plusSeconds(60))).isTrue();
		assertThat(active.endTermIfDue(end.plusSeconds(60))).isTrue();
		assertThat(active.status()).isEqualTo(ServiceStatus.TERM_ENDED);
	}

	@Test
	void renewingEarlyAddsATermToTheOldDateSoNoDayIsLost() {
		PurchasedService active = activeService(YEAR); // valid until 2027-01-13 09:00Z
		Instant end = active.validUntil();
		assertThat(active.renewalOpen(end.minus(Duration.ofDays(91)))).isFalse();
		assertThatThrownBy(() -> active.renew(end.minus(Duration.ofDays(91)))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.renewalNotOpen"));

		active.renew(end.minus(Duration.ofDays(60)));
		assertThat(active.validUntil()).isEqualTo(Instant.parse("2028-01-13T09:00:00Z"));
		assertThat(active.status()).isEqualTo(ServiceStatus.ACTIVE);
		// the new date is far away: the window is closed again
		assertThatThrownBy(() -> active.renew(end.minus(Duration.ofDays(59)))).isInstanceOf(Refusal.class);
	}

	@Test
	void aServiceWhoseTermEndedIsRenewedWithinItsGraceDaysAndIsActiveAgain() {
		PurchasedService pec = activeService(ServiceTerm.months(12, 90, 30));
		Instant end = pec.validUntil();
		pec.endTermIfDue(end);
		assertThat(pec.status()).isEqualTo(ServiceStatus.TERM_ENDED);

		pec.renew(end.plus(Duration.ofDays(20)));
		assertThat(pec.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(pec.validUntil()).isEqualTo(Instant.parse("2028-01-13T09:00:00Z"));
		assertThat(pec.customerEmail()).isEqualTo("mario@example.it");

		PurchasedService late = activeService(ServiceTerm.months(12, 90, 30));
		late.endTermIfDue(end);
		assertThatThrownBy(() -> late.renew(end.plus(Duration.ofDays(31)))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.renewalClosed"));
		PurchasedService signature = activeService(YEAR); // no grace: a new
															// identification
		signature.endTermIfDue(end);
		assertThat(signature.renewalOpen(end.plusSeconds(1))).isFalse();
	}

	@Test
	void onlyARunningOrEndedServiceWithATermIsRenewed() {
		assertThatThrownBy(() -> service.renew(at(1))).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("service.error.notRenewable"));
		PurchasedService stamps = activeService(ServiceTerm.NONE);
		assertThat(stamps.renewalOpen(at(5))).isFalse();
		PurchasedService revoked = activeService(YEAR);
		revoked.revoke("frode", at(5));
		assertThat(revoked.renewalOpen(revoked.validUntil())).isFalse();
		service.expireIfLate(DEADLINE.plusSeconds(1));
		assertThat(service.renewalOpen(DEADLINE.plusSeconds(2))).isFalse();
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
		return activeService(YEAR);
	}

	private static PurchasedService purchased(ServiceTerm term) {
		return new PurchasedService(1, null, 10, "RV-2026-000010", 101, 7, "REMOTA",
				new LocalizedText("Firma remota", "Remote signature"), IdentificationMode.SPID, Money.of("31.20"),
				BOUGHT, DEADLINE, term);
	}

	private PurchasedService activeService(ServiceTerm term) {
		PurchasedService active = purchased(term);
		active.associateTo("mario@example.it", null, at(1));
		active.startActivation(MARIO, at(2));
		active.activate(at(3));
		return active;
	}

	private static Instant at(int day) {
		return BOUGHT.plus(Duration.ofDays(day));
	}

}
