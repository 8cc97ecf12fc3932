package it.rivendo.onboarding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.identity.BillingAddress;
import it.rivendo.onboarding.ApplicationStatus;
import it.rivendo.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * An application waits for staff, who approve it (its account opened) or reject it with a
 * reason, once.
 */
class ApplicationTests {

	static final Instant APPLIED = Instant.parse("2026-02-03T09:00:00Z");
	static final BillingAddress COMPANY = new BillingAddress("Nuova Firma S.r.l.", "01114601006", null, "Via Po 1",
			"10123", "Torino", "TO", "IT", "M5UXCR1", null);

	final Application application = new Application(COMPANY, " Nora Nuova ", " Nora@Nuova.IT ", " 011 123456 ",
			APPLIED);

	@Test
	void aNewApplicationWaitsWithItsAddressInLowerCaseAndThePartitaIvaAsCodiceFiscale() {
		assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING);
		assertThat(application.email()).isEqualTo("nora@nuova.it");
		assertThat(application.contactName()).isEqualTo("Nora Nuova");
		assertThat(application.phone()).isEqualTo("011 123456");
		assertThat(application.billing().taxCode()).isEqualTo("01114601006");
		assertThat(application.createdAt()).isEqualTo(APPLIED);
		assertThat(application.decidedAt()).isNull();
	}

	@Test
	void approvalRecordsTheAccountAndWhoDecided() {
		application.approve(42, "staff@test.it", at(1));
		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.resellerId()).isEqualTo(42L);
		assertThat(application.decidedBy()).isEqualTo("staff@test.it");
		assertThat(application.decidedAt()).isEqualTo(at(1));
	}

	@Test
	void rejectionNeedsAReason() {
		assertThatThrownBy(() -> application.reject("  ", "staff@test.it", at(1))).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("apply.error.reason"));
		assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING);

		application.reject(" Partita IVA cessata ", "staff@test.it", at(1));
		assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(application.reason()).isEqualTo("Partita IVA cessata");
		assertThat(application.resellerId()).isNull();
	}

	@Test
	void aDecisionIsFinal() {
		application.approve(42, "staff@test.it", at(1));
		assertDecided(() -> application.approve(43, "other@test.it", at(2)));
		assertDecided(() -> application.reject("Ripensamento", "other@test.it", at(2)));
		assertDecided(application::requirePending);
		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.resellerId()).isEqualTo(42L);

		Application rejected = new Application(COMPANY, "Nora", "nora@nuova.it", "011", APPLIED);
		rejected.reject("Partita IVA cessata", "staff@test.it", at(1));
		assertDecided(() -> rejected.approve(42, "staff@test.it", at(2)));
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
	}

	private static void assertDecided(ThrowingCallable decision) {
		assertThatThrownBy(decision).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("apply.error.decided"));
	}

	private static Instant at(int hours) {
		return APPLIED.plus(Duration.ofHours(hours));
	}

}
