package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.services.ActivationLinkException.Problem;
import it.rivendo.services.internal.ServiceLifecycle;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Associa, the activation link and identification, against the real database. The
 * {@code test} profile has no identification provider, as a real deployment without one:
 * staff confirm or refuse each identification (the demo's simulated provider is tested in
 * {@code DemoProfileIT}).
 */
@IntegrationTest
class ActivationIT {

	static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567");

	@Autowired
	PurchasedServices services;

	@Autowired
	Activation activation;

	@Autowired
	ServiceAdministration staff;

	@Autowired
	ServiceLifecycle lifecycle;

	@Autowired
	MutableClock clock;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	long other;

	long serviceId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("reseller@test.it", "BASE", "500.00");
		other = shop.reseller("other@test.it", "BASE", "500.00");
		serviceId = buy(reseller, 2).get(0);
	}

	@Test
	void associaLinksTheServiceAndMailsAPersonalLinkKeptOnlyAsAHash() {
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.NOT_ASSOCIATED);

		services.associate(reseller, serviceId, " Mario.Rossi@Example.it ", "Mario Rossi", "reseller@test.it");

		ServiceView view = services.view(reseller, serviceId);
		assertThat(view.status()).isEqualTo(ServiceStatus.ASSOCIATED);
		assertThat(view.customerEmail()).isEqualTo("mario.rossi@example.it");
		String token = lastLink("mario.rossi@example.it");
		String stored = jdbc.sql("select token_hash from activation_token").query(String.class).single();
		assertThat(stored).hasSize(64).isNotEqualTo(token).doesNotContain(token);
		assertThat(services.history(reseller, serviceId)).extracting(ServiceHistoryEntry::kind)
			.containsExactly("ASSOCIATED");
	}

	@Test
	void anotherResellerCannotSeeAssociateOrResend() {
		assertThatThrownBy(() -> services.view(other, serviceId)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> services.associate(other, serviceId, "x@test.it", null, "other@test.it"))
			.isInstanceOf(NotFoundException.class);
		services.associate(reseller, serviceId, "mario@test.it", null, "reseller@test.it");
		assertThatThrownBy(() -> services.resendLink(other, serviceId, "other@test.it"))
			.isInstanceOf(NotFoundException.class);
		assertThat(services.page(other, null, "", PageRequest.of(0, 20)).getTotalElements()).isZero();
		assertThat(count("mail_outbox where kind = 'ACTIVATION_LINK'")).isEqualTo(1);
	}

	@Test
	void resendAndChangeOfEmailReplaceTheLinkUntilActivationStarts() {
		services.associate(reseller, serviceId, "first@test.it", null, "reseller@test.it");
		String first = lastLink("first@test.it");
		services.resendLink(reseller, serviceId, "reseller@test.it");
		String second = lastLink("first@test.it");
		assertThat(second).isNotEqualTo(first);
		assertThatThrownBy(() -> activation.open(first)).isInstanceOfSatisfying(ActivationLinkException.class,
				ex -> assertThat(ex.problem()).isEqualTo(Problem.EXPIRED));

		services.associate(reseller, serviceId, "second@test.it", null, "reseller@test.it");
		String third = lastLink("second@test.it");
		assertThatThrownBy(() -> activation.open(second)).isInstanceOf(ActivationLinkException.class);
		assertThat(activation.open(third).email()).isEqualTo("second@test.it");
		assertThat(services.history(reseller, serviceId)).extracting(ServiceHistoryEntry::kind)
			.containsExactly("EMAIL_CHANGED", "LINK_RESENT", "ASSOCIATED");

		activation.start(third, MARIO);
		assertThatThrownBy(() -> services.resendLink(reseller, serviceId, "reseller@test.it"))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> services.associate(reseller, serviceId, "third@test.it", null, "r"))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void openingTheLinkChangesNothingAndOnlyThePostUsesItUp() {
		services.associate(reseller, serviceId, "mario@test.it", null, "reseller@test.it");
		String token = lastLink("mario@test.it");
		for (int scan = 0; scan < 3; scan++) {
			assertThat(activation.open(token).productCode()).isEqualTo("REMOTA");
		}
		assertThat(count("activation_token where used_at is null")).isEqualTo(1);

		String next = activation.start(token, MARIO);

		assertThat(next).matches("/identification/[A-Za-z0-9_-]{43}");
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.IN_VERIFICATION);
		assertThat(count("activation_token where used_at is not null")).isEqualTo(1);
		assertThatThrownBy(() -> activation.open(token)).isInstanceOfSatisfying(ActivationLinkException.class,
				ex -> assertThat(ex.problem()).isEqualTo(Problem.USED));
		assertThatThrownBy(() -> activation.start(token, MARIO)).isInstanceOf(ActivationLinkException.class);
		assertThat(count("identification_session")).isEqualTo(1);
	}

	@Test
	void staffConfirmTheIdentificationOnceAndBothSidesAreToldWithWhoConfirmedInTheAuditTrail() {
		String reference = startActivation("mario@test.it", MARIO);
		assertThat(staff.identityCheck(serviceId)).hasValueSatisfying(check -> {
			assertThat(check.taxCode()).isEqualTo("RSSMRA85T10A562S");
			assertThat(check.mobile()).isEqualTo("+39 333 1234567");
			assertThat(check.email()).isEqualTo("mario@test.it");
		});
		assertThat(staff.awaitingIdentityCheck()).isEqualTo(1);

		jdbc.sql("update reseller set company_name = 'Rossi Servizi S.r.l.' where id = ?").param(reseller).update();
		staff.confirmIdentification(serviceId, " INF-2026-0042 ", "staff@test.it");
		assertThatThrownBy(() -> staff.confirmIdentification(serviceId, null, "staff@test.it")) // a
																								// double
																								// click
			.isInstanceOfSatisfying(Refusal.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("service.error.notInVerification"));
		assertThatThrownBy(() -> staff.refuseIdentification(serviceId, "troppo tardi", "staff@test.it"))
			.isInstanceOf(Refusal.class);

		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(staff.identityCheck(serviceId)).isEmpty();
		assertThat(count("mail_outbox where kind = 'ACTIVATED_RESELLER' and recipient = 'reseller@test.it'"))
			.isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ACTIVATED_CUSTOMER' and recipient = 'mario@test.it'")).isEqualTo(1);
		// a company name ending in a full stop does not end a sentence with two
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'ACTIVATED_CUSTOMER'")
			.query(String.class)
			.single()).contains("Rossi Servizi S.r.l., che").doesNotContain("..");
		assertThat(jdbc.sql("select status from identification_session where reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo("SUCCEEDED");
		assertThat(jdbc.sql(
				"select actor || ' ' || target || ' ' || detail from audit_event where action = 'IDENTIFICATION_CONFIRMED'")
			.query(String.class)
			.single())
			.startsWith("staff@test.it service-" + serviceId + " Mario Rossi RSSMRA85T10A562S <mario@test.it>, SPID")
			.endsWith("provider reference INF-2026-0042");
		assertThat(services.history(reseller, serviceId)).first()
			.satisfies(entry -> assertThat(entry.kind() + " " + entry.actor() + " " + entry.detail())
				.isEqualTo("ACTIVATED staff@test.it verificato dallo staff, pratica INF-2026-0042"));
	}

	@Test
	void aRefusalNeedsAReasonTellsTheResellerInItsLanguageAndTheCustomerCanTryAgain() {
		jdbc.sql("update user_account set preferred_locale = 'en' where email = 'reseller@test.it'").update();
		startActivation("mario@test.it", MARIO);

		assertThatThrownBy(() -> staff.refuseIdentification(serviceId, "  ", "staff@test.it")).isInstanceOfSatisfying(
				Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("service.error.reasonRequired"));
		staff.refuseIdentification(serviceId, "Documento d'identità scaduto", "staff@test.it");

		ServiceView refused = services.view(reseller, serviceId);
		assertThat(refused.status()).isEqualTo(ServiceStatus.ASSOCIATED);
		assertThat(refused.statusReason()).isEqualTo("Documento d'identità scaduto");
		assertThat(refused.canChangeAssociation()).isTrue();
		assertThat(jdbc
			.sql("select detail from audit_event where action = 'IDENTIFICATION_REFUSED' and actor = 'staff@test.it'")
			.query(String.class)
			.single()).contains("RSSMRA85T10A562S").endsWith("reason: Documento d'identità scaduto");
		assertThat(count("identification_session where status = 'FAILED'")).isEqualTo(1);
		String mail = jdbc.sql(
				"select subject || ' | ' || body_text from mail_outbox where kind = 'IDENTIFICATION_REFUSED' and recipient = 'reseller@test.it'")
			.query(String.class)
			.single();
		assertThat(mail).startsWith("Identification not confirmed: Product REMOTA for mario@test.it")
			.contains("Reason: Documento d'identità scaduto")
			.contains("send the activation link to the customer again")
			.contains("/account/services/" + serviceId);
		assertThat(count("mail_outbox where kind like 'ACTIVATED%'")).isZero();

		// the reseller sends the link again; the customer tries again and staff confirm
		services.resendLink(reseller, serviceId, "reseller@test.it");
		activation.start(lastLink("mario@test.it"), MARIO);
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.IN_VERIFICATION);
		staff.confirmIdentification(serviceId, null, "staff@test.it");
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(services.view(reseller, serviceId).statusReason()).isNull();
		assertThat(services.history(reseller, serviceId)).extracting(ServiceHistoryEntry::kind)
			.containsSubsequence("ACTIVATED", "ACTIVATION_STARTED", "LINK_RESENT", "IDENTIFICATION_REFUSED",
					"ACTIVATION_STARTED", "ASSOCIATED");
	}

	@Test
	void withoutAProviderNoCallbackCanActivateAndAServiceInVerificationNeitherExpiresNorIsRemindedOf() {
		String reference = startActivation("mario@test.it", MARIO);

		assertThatThrownBy(() -> activation.identificationCompleted(reference, true))
			.isInstanceOf(ActivationLinkException.class);

		clock.advance(java.time.Duration.ofDays(110)); // 10 days before the deadline: the
														// other unit is reminded of
		lifecycle.run();
		assertThat(count("purchased_service where reminder_sent_at is not null")).isEqualTo(1);
		assertThat(count("purchased_service where reminder_sent_at is not null and id = " + serviceId)).isZero();
		clock.advance(java.time.Duration.ofDays(20)); // past the deadline, staff still
														// checking
		lifecycle.run();
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.IN_VERIFICATION);
		assertThat(count("purchased_service where status = 'ACTIVATION_EXPIRED'")).isEqualTo(1); // the
		// other
		// unit
		staff.confirmIdentification(serviceId, null, "staff@test.it");
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void anEmailActiveUnderAnotherTaxCodeIsRefused() {
		startActivation("mario@test.it", MARIO);
		staff.confirmIdentification(serviceId, null, "staff@test.it");

		long secondService = services.page(reseller, ServiceStatus.NOT_ASSOCIATED, "", PageRequest.of(0, 5))
			.getContent()
			.get(0)
			.id();
		services.associate(reseller, secondService, "MARIO@test.it", null, "reseller@test.it");
		String token = lastLink("mario@test.it");
		EndCustomer someoneElse = new EndCustomer("Laura", "Bianchi", "BNCLRA70A41H501B", "3331234567");

		assertThatThrownBy(() -> activation.start(token, someoneElse)).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("activation.error.emailTaken"));
		assertThat(activation.open(token).email()).isEqualTo("mario@test.it"); // the link
																				// still
																				// works
		assertThat(activation.start(token, MARIO)).startsWith("/identification/"); // the
																					// same
																					// person
																					// may
	}

	@Test
	void expiredUnknownAndMalformedLinksChangeNothing() {
		services.associate(reseller, serviceId, "mario@test.it", null, "reseller@test.it");
		String token = lastLink("mario@test.it");
		jdbc.sql("update activation_token set expires_at = now() - interval '1 minute'").update();

		assertThatThrownBy(() -> activation.open(token)).isInstanceOfSatisfying(ActivationLinkException.class,
				ex -> assertThat(ex.problem()).isEqualTo(Problem.EXPIRED));
		assertThatThrownBy(() -> activation.start(token, MARIO)).isInstanceOf(ActivationLinkException.class);
		for (String bad : new String[] { "x".repeat(43), "short", "../../etc/passwd", "",
				"<script>alert(1)</script>" }) {
			assertThatThrownBy(() -> activation.open(bad)).isInstanceOfSatisfying(ActivationLinkException.class,
					ex -> assertThat(ex.problem()).isEqualTo(Problem.UNKNOWN));
		}
		assertThat(services.view(reseller, serviceId).status()).isEqualTo(ServiceStatus.ASSOCIATED);
		assertThat(count("identification_session")).isZero();
	}

	@Test
	void servicesExpireAfterTheDeadlineAndResellersAreRemindedOnce() {
		long late = serviceId;
		long soon = services.page(reseller, ServiceStatus.NOT_ASSOCIATED, "", PageRequest.of(0, 5))
			.getContent()
			.stream()
			.filter(view -> view.id() != late)
			.findFirst()
			.orElseThrow()
			.id();
		jdbc.sql("update purchased_service set activation_deadline = now() - interval '1 day' where id = ?")
			.param(late)
			.update();
		jdbc.sql("update purchased_service set activation_deadline = now() + interval '10 days' where id = ?")
			.param(soon)
			.update();

		assertThat(lifecycle.expireOverdue()).isEqualTo(1);
		assertThat(lifecycle.remindDeadlines()).isEqualTo(1);
		assertThat(lifecycle.remindDeadlines()).isZero();
		assertThat(lifecycle.expireOverdue()).isZero();

		assertThat(services.view(reseller, late).status()).isEqualTo(ServiceStatus.ACTIVATION_EXPIRED);
		assertThat(services.view(reseller, soon).status()).isEqualTo(ServiceStatus.NOT_ASSOCIATED);
		assertThat(count("mail_outbox where kind = 'DEADLINE_REMINDER' and recipient = 'reseller@test.it'"))
			.isEqualTo(1);
		assertThatThrownBy(() -> services.associate(reseller, late, "x@test.it", null, "r"))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void staffSuspendUntilADateAndRevokeForGoodWithAReason() {
		startActivation("mario@test.it", MARIO);
		staff.confirmIdentification(serviceId, null, "staff@test.it");

		assertThatThrownBy(() -> staff.suspend(serviceId, java.time.Instant.now().plusSeconds(86400), " ", "staff"))
			.isInstanceOf(Refusal.class);
		staff.suspend(serviceId, java.time.Instant.now().plusSeconds(86400), "Verifica documenti", "staff@test.it");
		assertThat(staff.view(serviceId).status()).isEqualTo(ServiceStatus.SUSPENDED);
		jdbc.sql("update purchased_service set suspended_until = now() - interval '1 second'").update();
		assertThat(lifecycle.endSuspensions()).isEqualTo(1);
		assertThat(staff.view(serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);

		staff.revoke(serviceId, "Richiesta del cliente", "staff@test.it");
		assertThat(staff.view(serviceId).status()).isEqualTo(ServiceStatus.CANCELLED);
		assertThatThrownBy(() -> staff.revoke(serviceId, "di nuovo", "staff@test.it")).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> staff.suspend(serviceId, java.time.Instant.now().plusSeconds(9), "x", "staff"))
			.isInstanceOf(Refusal.class);
		assertThat(jdbc.sql("select action || ' ' || actor from audit_event where target = ? order by id")
			.param("service-" + serviceId)
			.query(String.class)
			.list()).containsExactly("IDENTIFICATION_CONFIRMED staff@test.it", "SERVICE_SUSPENDED staff@test.it",
					"SERVICE_REVOKED staff@test.it");
	}

	/**
	 * Associa, then the end customer sends their data: the service waits for staff.
	 * Answers the reference.
	 */
	private String startActivation(String email, EndCustomer customer) {
		services.associate(reseller, serviceId, email, null, "reseller@test.it");
		return activation.start(lastLink(email), customer).substring("/identification/".length());
	}

	private List<Long> buy(long resellerId, int units) {
		shop.buy(resellerId, "REMOTA", SPID, units);
		return jdbc.sql("select id from purchased_service where reseller_id = ? order by id")
			.param(resellerId)
			.query(Long.class)
			.list();
	}

	/** The token in the newest activation e-mail to that address. */
	private String lastLink(String email) {
		return OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/");
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
