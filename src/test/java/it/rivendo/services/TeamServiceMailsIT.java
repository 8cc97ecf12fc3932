package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.identity.TeamRole;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.services.internal.RenewalReminders;
import it.rivendo.services.internal.ServiceLifecycle;
import it.rivendo.shared.Formats;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.Outbox;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17: the e-mails about a service (activated, identification refused, activation
 * deadline near, renewal reminders) go to the user of the team who bought it, with a copy
 * to every Titolare who keeps copies on; what nobody of the team bought, and the
 * automatic renewal's short credit, to every Titolare. Each e-mail greets its recipient.
 */
class TeamServiceMailsIT extends RenewalTest {

	@Autowired
	Team team;

	@Autowired
	Activation activation;

	@Autowired
	ServiceAdministration staff;

	@Autowired
	ServiceLifecycle lifecycle;

	@Autowired
	RenewalReminders reminders;

	@Autowired
	AutoRenewals autoRenewals;

	long reseller;

	ShopUser owner;

	ShopUser operator;

	@BeforeEach
	void setUp() {
		ActivatedServices.Reseller shopOf = activated.remoteSignatureShop();
		reseller = shopOf.id();
		owner = shop.owner(reseller);
		operator = shop.member(reseller, "op@test.it", TeamRole.OPERATOR, null, true);
	}

	@Test
	void activationMailsGoToTheOperatoreWhoBoughtWithACopyToTheTitolareWhoWantsIt() {
		long first = boughtBy(operator);
		activated.activate(reseller, first, "mario@cliente.it", ActivatedServices.MARIO);

		assertThat(recipients("ACTIVATED_RESELLER")).containsExactly("op@test.it", "owner@test.it");
		assertThat(text("ACTIVATED_RESELLER", "op@test.it")).contains("Gentile Utente op@test.it");
		assertThat(text("ACTIVATED_RESELLER", "owner@test.it")).contains("Gentile Referente owner@test.it");

		team.receiveCopies(owner, false);
		long second = boughtBy(operator);
		services.associate(reseller, second, "lucia@cliente.it", null, "op@test.it");
		activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", "lucia@cliente.it", "/activate/"),
				ActivatedServices.MARIO);
		staff.refuseIdentification(second, "Documento scaduto", "staff@test.it");

		assertThat(recipients("IDENTIFICATION_REFUSED")).containsExactly("op@test.it");
		// the Titolare's own service still reaches it
		long own = boughtBy(owner);
		activated.activate(reseller, own, "paolo@cliente.it", ActivatedServices.MARIO);
		assertThat(recipients("ACTIVATED_RESELLER")).containsExactly("op@test.it", "owner@test.it", "owner@test.it");
	}

	@Test
	void aServiceNobodyOfTheTeamBoughtGoesToEveryTitolareWhateverTheirCopies() {
		ShopUser second = shop.member(reseller, "owner2@test.it", TeamRole.OWNER, null, true);
		team.receiveCopies(second, false);
		long fromBefore = boughtBy(owner);
		jdbc.sql("update purchased_service set placed_by_user_id = null where id = ?").param(fromBefore).update();
		long byOperator = boughtBy(operator);

		activated.activate(reseller, fromBefore, "mario@cliente.it", ActivatedServices.MARIO);
		assertThat(recipients("ACTIVATED_RESELLER")).containsExactly("owner@test.it", "owner2@test.it");

		activated.activate(reseller, byOperator, "lucia@cliente.it", ActivatedServices.MARIO);
		// the operator's: to it and the Titolare with copies, not to the one without
		assertThat(recipients("ACTIVATED_RESELLER")).containsExactly("owner@test.it", "owner2@test.it", "op@test.it",
				"owner@test.it");
	}

	@Test
	void theDeadlineReminderListsToEachUserItsOwnServicesAndToTheTitolareAsItChose() {
		shop.member(reseller, "owner2@test.it", TeamRole.OWNER, null, true);
		team.receiveCopies(owner, false);
		long byOperator = boughtBy(operator);
		long byOwner = boughtBy(owner);
		jdbc.sql("update purchased_service set activation_deadline = now() + interval '10 days' where id in (?, ?)")
			.params(byOperator, byOwner)
			.update();

		assertThat(lifecycle.remindDeadlines()).isEqualTo(1);
		assertThat(lifecycle.remindDeadlines()).isZero();

		assertThat(recipients("DEADLINE_REMINDER")).containsExactlyInAnyOrder("op@test.it", "owner@test.it",
				"owner2@test.it");
		assertThat(text("DEADLINE_REMINDER", "op@test.it")).contains(orderOf(byOperator))
			.doesNotContain(orderOf(byOwner));
		assertThat(text("DEADLINE_REMINDER", "owner@test.it")).contains(orderOf(byOwner))
			.doesNotContain(orderOf(byOperator));
		assertThat(text("DEADLINE_REMINDER", "owner2@test.it")).contains("Gentile Utente owner2@test.it")
			.contains(orderOf(byOwner))
			.contains(orderOf(byOperator));
	}

	@Test
	void renewalRemindersListToTheOperatoreItsOwnAndToTheTitolareTheWholeTeamsOnceEach() {
		long byOperator = activeServiceOf(operator, "mario@cliente.it");
		long byOwner = activeServiceOf(owner, "lucia@cliente.it");
		Instant expiry = services.view(reseller, byOperator).validUntil();

		at(expiry, 90);
		assertThat(reminders.remindDue().reminders()).isEqualTo(2);
		assertThat(reminders.remindDue().reminders()).isZero();
		assertThat(recipients("RENEWAL_REMINDER")).containsExactly("op@test.it", "owner@test.it");
		assertThat(text("RENEWAL_REMINDER", "op@test.it")).contains("Gentile Utente op@test.it")
			.contains("mario@cliente.it")
			.doesNotContain("lucia@cliente.it");
		assertThat(text("RENEWAL_REMINDER", "owner@test.it")).contains("mario@cliente.it").contains("lucia@cliente.it");

		team.receiveCopies(owner, false);
		at(expiry, 30);
		reminders.remindDue();
		assertThat(recipients("RENEWAL_REMINDER")).containsExactly("op@test.it", "owner@test.it", "op@test.it",
				"owner@test.it");
		assertThat(text("RENEWAL_REMINDER", "owner@test.it")).contains("lucia@cliente.it")
			.doesNotContain("mario@cliente.it");
		assertThat(jdbc.sql("select count(*) from service_reminder where service_id in (?, ?)")
			.params(byOperator, byOwner)
			.query(Integer.class)
			.single()).isEqualTo(4); // 90 and 30, once per service
	}

	@Test
	void theAutomaticRenewalsShortCreditGoesToEveryTitolareNotToTheOperatore() {
		shop.member(reseller, "owner2@test.it", TeamRole.OWNER, null, true);
		long id = activeServiceOf(operator, "mario@cliente.it");
		services.changeAutoRenew(reseller, id, true, "op@test.it");
		jdbc.sql("update credit_account set balance = 10 where reseller_id = ?").param(reseller).update();

		activated.moveTo(services.view(reseller, id).validUntil().minus(Duration.ofDays(30)));
		assertThat(autoRenewals.renewDue().shortOfCredit()).isEqualTo(1);

		assertThat(recipients("AUTO_RENEW_SHORT")).containsExactly("owner@test.it", "owner2@test.it");
	}

	private long boughtBy(ShopUser user) {
		return activated.serviceOf(shop.buy(user, TestShop.CUSTOMER, "REMOTA", SPID, 1));
	}

	private long activeServiceOf(ShopUser user, String email) {
		long id = boughtBy(user);
		activated.activate(reseller, id, email, ActivatedServices.MARIO);
		return id;
	}

	private String orderOf(long serviceId) {
		return jdbc.sql("select order_number from purchased_service where id = ?")
			.param(serviceId)
			.query(String.class)
			.single();
	}

	private List<String> recipients(String kind) {
		return Outbox.recipients(jdbc, kind);
	}

	/** The text of the latest e-mail of this kind to this recipient. */
	private String text(String kind, String recipient) {
		return jdbc.sql("select body_text from mail_outbox where kind = ? and recipient = ? order by id desc limit 1")
			.params(kind, recipient)
			.query(String.class)
			.single()
			.strip();
	}

	private void at(Instant expiry, int days) {
		activated.moveTo(expiry.atZone(Formats.SHOP_ZONE).minusDays(days).toInstant());
	}

}
