package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17: every change a Titolare makes to its team is an audit line naming the
 * Titolare who made it, the user it changed and what changed, and the staff's Registro
 * attività says it in words.
 */
@WebIntegrationTest
class TeamAuditIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser owner;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("owner@test.it", "BASE", "0");
		owner = shop.owner(resellerId);
	}

	@Test
	void everyChangeToTheTeamIsAnAuditLineOfTheTitolareWhoMadeIt() throws Exception {
		mvc.perform(post("/account/team").with(user(owner))
			.with(csrf())
			.param("displayName", "Mario Rossi")
			.param("email", "mario@test.it")
			.param("role", "OPERATOR")
			.param("monthlyLimit", "100,00")
			.param("_seesAllServices", "on")
			.param("seesAllServices", "true")).andExpect(redirectedUrl("/account/team"));
		long mario = jdbc.sql("select id from user_account where email = 'mario@test.it'").query(Long.class).single();
		mvc.perform(post("/account/team/" + mario).with(user(owner))
			.with(csrf())
			.param("role", "OPERATOR")
			.param("monthlyLimit", "150,00")
			.param("_seesAllServices", "on")).andExpect(redirectedUrl("/account/team"));
		mvc.perform(post("/account/team/" + mario + "/disable").with(user(owner)).with(csrf()));
		mvc.perform(post("/account/team/" + mario + "/enable").with(user(owner)).with(csrf()));
		mvc.perform(post("/account/team/approval").with(user(owner)).with(csrf()).param("approvalThreshold", "500,00"));
		mvc.perform(post("/account/team/copies").with(user(owner)).with(csrf()).param("_copies", "on"));
		mvc.perform(post("/account/team/" + mario + "/remove").with(user(owner)).with(csrf()));

		assertThat(lines()).containsExactly(
				"owner@test.it TEAM_INVITED mario@test.it role: OPERATOR; monthlyLimit: 100.00; seesAllServices: true",
				"owner@test.it TEAM_CHANGED mario@test.it monthlyLimit: 100.00 → 150.00; seesAllServices: true → false",
				"owner@test.it TEAM_DISABLED mario@test.it ", "owner@test.it TEAM_ENABLED mario@test.it ",
				"owner@test.it TEAM_APPROVAL_THRESHOLD reseller " + resellerId + " approvalThreshold: — → 500.00",
				"owner@test.it TEAM_COPIES owner@test.it copies: true → false",
				"owner@test.it TEAM_REMOVED mario@test.it ");

		mvc.perform(get("/admin/audit").with(user(shop.staff())))
			.andExpect(content().string(containsString("Utente del team modificato")))
			.andExpect(content().string(containsString("Limite di spesa mensile")))
			.andExpect(content().string(containsString("150,00")))
			.andExpect(content().string(containsString("Operatore")));
	}

	private List<String> lines() {
		return jdbc.sql("""
				select actor || ' ' || action || ' ' || coalesce(target, '') || ' ' || coalesce(detail, '')
				from audit_event where action like 'TEAM_%' order by id""").query(String.class).list();
	}

}
