package it.rivendo.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Money;
import it.rivendo.support.Outbox;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17: a top-up records the user of the team who asked for it, the credit pages and
 * the staff's show it, and its e-mails go to that user with the other Titolari's copies
 * as each chose.
 */
@WebIntegrationTest
class TeamTopUpsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	TopUps topUps;

	@Autowired
	Team team;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser owner;

	ShopUser partner;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("owner@test.it", "BASE", "0");
		owner = shop.owner(resellerId);
		partner = shop.member(resellerId, "socio@test.it", TeamRole.OWNER, null, true);
	}

	@Test
	void theTopUpNamesWhoAskedForItAndItsEmailsGoToThemWithTheCopiesEachTitolareChose() throws Exception {
		mvc.perform(post("/account/credit/top-up").with(user(partner))
			.with(csrf())
			.param("amount", "250,00")
			.param("method", "BANK")
			.param("billingConfirmed", "true")).andExpect(redirectedUrlPattern("/account/credit/top-ups/RIC-*"));
		long topUpId = jdbc.sql("select id from top_up where reseller_id = ?")
			.param(resellerId)
			.query(Long.class)
			.single();
		String reference = topUps.view(topUpId).reference();

		assertThat(jdbc.sql("select created_by_user_id from top_up where id = ?")
			.param(topUpId)
			.query(Long.class)
			.single()).isEqualTo(partner.userId());
		assertThat(
				jdbc.sql("select actor from audit_event where action = 'TOPUP_REQUESTED'").query(String.class).list())
			.containsExactly("socio@test.it");
		assertThat(recipients("TOPUP_BANK_DETAILS")).containsExactly("socio@test.it", "owner@test.it");
		assertThat(text("TOPUP_BANK_DETAILS", "socio@test.it")).contains("Gentile Utente socio@test.it");
		mvc.perform(get("/account/credit").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Richiesta da Utente socio@test.it")));
		mvc.perform(get("/account/credit/top-ups/" + reference).with(user(owner)))
			.andExpect(content().string(containsString("Utente socio@test.it")));
		mvc.perform(get("/admin/top-ups").with(user(shop.staff())))
			.andExpect(content().string(containsString("Richiesta da Utente socio@test.it")));

		team.receiveCopies(owner, false);
		topUps.confirmTransfer(topUpId, Money.of("250.00"), LocalDate.now(), "CRO1", shop.staff());

		assertThat(recipients("TOPUP_CREDITED")).containsExactly("socio@test.it");
	}

	@Test
	void aTopUpFromBeforeTeamsGoesToEveryTitolare() {
		long id = topUps.request(owner, Money.of("100.00"), PaymentMethod.BANK).topUp().id();
		jdbc.sql("update top_up set created_by_user_id = null where id = ?").param(id).update();
		team.receiveCopies(partner, false);

		topUps.confirmTransfer(id, Money.of("100.00"), LocalDate.now(), "CRO2", shop.staff());

		assertThat(recipients("TOPUP_CREDITED")).containsExactly("owner@test.it", "socio@test.it");
		assertThat(topUps.view(id).requestedByName()).isNull();
	}

	private List<String> recipients(String kind) {
		return Outbox.recipients(jdbc, kind);
	}

	private String text(String kind, String recipient) {
		return jdbc.sql("select body_text from mail_outbox where kind = ? and recipient = ?")
			.params(kind, recipient)
			.query(String.class)
			.single();
	}

}
