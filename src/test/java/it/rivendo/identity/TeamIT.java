package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.identity.internal.IdentityMails;
import it.rivendo.shared.Refusal;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Utenti" (issue 17): the Titolare invites, changes, disables and removes the users of
 * its team, through the page, and the account always keeps an active Titolare.
 */
@WebIntegrationTest
class TeamIT {

	static final String NEW_PASSWORD = "una-frase-lunga-e-sicura";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Team team;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	Cookie owner;

	@BeforeEach
	void setUp() throws Exception {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("owner@test.it", "BASE", "100.00");
		owner = TestShop.login(mvc, "owner@test.it");
	}

	@Test
	void theTitolareInvitesAnOperatoreWhoChoosesItsPasswordAndBuysButCannotManageUsers() throws Exception {
		mvc.perform(invite("Mario Rossi", "Mario.Rossi@Test.it ", "OPERATOR", "100,00", false))
			.andExpect(redirectedUrl("/account/team"))
			.andExpect(flash().attribute("success", "team.invited"));

		Map<String, Object> row = jdbc.sql("""
				select display_name, team_role, monthly_limit, sees_all_services, team_status, reseller_id
				from user_account where email = 'mario.rossi@test.it'""").query().singleRow();
		assertThat(row).containsEntry("display_name", "Mario Rossi")
			.containsEntry("team_role", "OPERATOR")
			.containsEntry("sees_all_services", false)
			.containsEntry("team_status", "ACTIVE")
			.containsEntry("reseller_id", resellerId);
		assertThat(row.get("monthly_limit").toString()).isEqualTo("100.00");
		mvc.perform(get("/account/team").cookie(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mario Rossi")))
			.andExpect(content().string(containsString("100,00")))
			.andExpect(content().string(containsString("Non ancora entrato")));

		String token = OutboxLinks.token(jdbc, IdentityMails.TEAM_INVITATION, "mario.rossi@test.it", "/set-password/");
		assertThat(
				jdbc.sql("select subject from mail_outbox where kind = 'TEAM_INVITATION'").query(String.class).single())
			.contains("Azienda owner@test.it");
		mvc.perform(post("/set-password/" + token).param("password", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)
			.with(csrf())).andExpect(status().is3xxRedirection());
		Cookie operator = login("mario.rossi@test.it", NEW_PASSWORD);
		mvc.perform(get("/cart").cookie(operator)).andExpect(status().isOk());
		mvc.perform(get("/account/team").cookie(operator)).andExpect(status().isForbidden());
		mvc.perform(get("/catalog").cookie(operator))
			.andExpect(content().string(not(containsString("data-testid=\"nav-team\""))));
		mvc.perform(get("/catalog").cookie(owner))
			.andExpect(content().string(containsString("data-testid=\"nav-team\"")));
		assertThat(jdbc.sql("select last_login_at is not null from user_account where email = 'mario.rossi@test.it'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void badInputIsSaidNextToItsFieldAndWhatWasTypedIsKept() throws Exception {
		mvc.perform(invite("", "not-an-address", "OPERATOR", "cento", true))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"displayName-error\"")))
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("id=\"monthlyLimit-error\"")))
			.andExpect(content().string(containsString("value=\"cento\"")))
			.andExpect(content().string(containsString("value=\"not-an-address\"")))
			.andExpect(content().string(containsString("id=\"error-summary\"")));
		mvc.perform(invite("Anna", "owner@test.it", "ACCOUNTANT", "", true))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("ha già un account Rivendo")));
		mvc.perform(invite("Anna", "anna@test.it", "OPERATOR", "-5", true))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("non può essere negativo")));
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void changingTheRoleOrDisablingEndsTheUsersSessionsAndRemovingKeepsItsName() throws Exception {
		ShopUser anna = shop.member(resellerId, "anna@test.it", TeamRole.OPERATOR, "50.00", true);
		Cookie annaSession = TestShop.login(mvc, "anna@test.it");
		mvc.perform(post("/account/team/" + anna.userId()).param("role", "ACCOUNTANT")
			.param("monthlyLimit", "")
			.param("_seesAllServices", "on")
			.cookie(owner)
			.with(csrf())).andExpect(redirectedUrl("/account/team"));
		assertThat(
				jdbc.sql("select team_role || ' ' || coalesce(monthly_limit::text, '-') from user_account where id = ?")
					.param(anna.userId())
					.query(String.class)
					.single())
			.isEqualTo("ACCOUNTANT -");
		mvc.perform(get("/orders").cookie(annaSession)).andExpect(redirectedUrl("/login"));

		annaSession = TestShop.login(mvc, "anna@test.it");
		mvc.perform(get("/cart").cookie(annaSession)).andExpect(status().isForbidden());
		mvc.perform(post("/account/team/" + anna.userId() + "/disable").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "team.disabled"));
		mvc.perform(get("/orders").cookie(annaSession)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/login").param("email", "anna@test.it").param("password", TestShop.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));

		mvc.perform(post("/account/team/" + anna.userId() + "/remove").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "team.removed.done"));
		assertThat(jdbc.sql("select display_name || ' ' || team_status from user_account where id = ?")
			.param(anna.userId())
			.query(String.class)
			.single()).isEqualTo("Utente anna@test.it REMOVED");
		mvc.perform(get("/account/team").cookie(owner))
			.andExpect(content().string(not(containsString("anna@test.it"))));
	}

	@Test
	void theLastTitolareCannotBeDemotedDisabledOrRemovedNorChangeItself() throws Exception {
		ShopUser me = shop.owner(resellerId);
		for (String action : List.of("/disable", "/remove")) {
			mvc.perform(post("/account/team/" + me.userId() + action).cookie(owner).with(csrf()))
				.andExpect(redirectedUrl("/account/team"))
				.andExpect(flash().attribute("error", "team.self"));
		}
		ShopUser other = shop.member(resellerId, "second@test.it", TeamRole.OWNER, null, true);
		team.disable(me, other.userId());
		// the other Titolare disabled: "me" is the last active one
		assertThat(jdbc.sql("select count(*) from user_account where team_role = 'OWNER' and team_status = 'ACTIVE'")
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/account/team").cookie(owner)).andExpect(status().isOk());
	}

	@Test
	void twoTitolariDemotingEachOtherAtOnceLeaveOneTitolare() throws Exception {
		ShopUser first = shop.owner(resellerId);
		ShopUser second = shop.member(resellerId, "second@test.it", TeamRole.OWNER, null, true);
		for (int round = 0; round < 5; round++) {
			List<String> outcomes = Race.run(2, i -> {
				try {
					if (i == 0) {
						team.change(first, second.userId(), TeamRole.OPERATOR, null, true);
					}
					else {
						team.change(second, first.userId(), TeamRole.ACCOUNTANT, null, true);
					}
					return "done";
				}
				catch (Refusal refusal) {
					return refusal.messageKey();
				}
			});
			assertThat(outcomes).containsExactlyInAnyOrder("done", "team.notOwner");
			assertThat(
					jdbc.sql("select count(*) from user_account where team_role = 'OWNER' and team_status = 'ACTIVE'")
						.query(Long.class)
						.single())
				.isEqualTo(1);
			jdbc.sql("update user_account set team_role = 'OWNER' where reseller_id = ?").param(resellerId).update();
		}
	}

	@Test
	void aRemovedUsersAddressCanBeInvitedAgainAndTheOldUserKeepsItsName() throws Exception {
		shop.family("FIRMA").product("REMOTA", "FIRMA", IdentificationMode.SPID, "39.00");
		ShopUser anna = shop.member(resellerId, "anna@test.it", TeamRole.OPERATOR, null, true);
		shop.buy(anna, TestShop.CUSTOMER, "REMOTA", IdentificationMode.SPID, 1);
		mvc.perform(post("/account/team/" + anna.userId() + "/remove").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "team.removed.done"));

		mvc.perform(invite("Anna Bianchi", "Anna@test.it", "ACCOUNTANT", "", true))
			.andExpect(redirectedUrl("/account/team"))
			.andExpect(flash().attribute("success", "team.invited"));

		Map<String, Object> invited = jdbc
			.sql("select id, display_name, team_role, team_status from user_account where email = 'anna@test.it'")
			.query()
			.singleRow();
		assertThat(invited.get("id")).isNotEqualTo(anna.userId());
		assertThat(invited).containsEntry("display_name", "Anna Bianchi")
			.containsEntry("team_role", "ACCOUNTANT")
			.containsEntry("team_status", "ACTIVE");
		// the removed user stays, with its name, on the order it placed
		assertThat(jdbc.sql("""
				select u.display_name || ' ' || u.team_status from purchase_order o
				join user_account u on u.id = o.placed_by_user_id""").query(String.class).single())
			.isEqualTo("Utente anna@test.it REMOVED");
		assertThat(OutboxLinks.token(jdbc, IdentityMails.TEAM_INVITATION, "anna@test.it", "/set-password/"))
			.isNotBlank();
		// an address in use is still refused
		mvc.perform(invite("Anna", "anna@test.it", "OPERATOR", "", true)).andExpect(status().isUnprocessableContent());
	}

	@Test
	void aSessionFromBeforeTeamsOrWithARoleTheAccountNoLongerHasEndsAtItsNextRequest() throws Exception {
		// a session written before V120 holds a ShopUser without a team role
		ShopUser fromBeforeTeams = shop.owner(resellerId);
		Field teamRole = ShopUser.class.getDeclaredField("teamRole");
		teamRole.setAccessible(true);
		teamRole.set(fromBeforeTeams, null);
		assertThat(fromBeforeTeams.signedInTeamRole()).isNull();
		mvc.perform(get("/account/team").with(user(fromBeforeTeams))).andExpect(redirectedUrl("/login?expired"));

		// a role changed behind the session's back (the page ends the sessions itself)
		ShopUser anna = shop.member(resellerId, "anna@test.it", TeamRole.OWNER, null, true);
		jdbc.sql("update user_account set team_role = 'ACCOUNTANT' where id = ?").param(anna.userId()).update();
		mvc.perform(get("/account/team").with(user(anna))).andExpect(redirectedUrl("/login?expired"));

		// signed in again, each has its role
		mvc.perform(get("/account/team").cookie(TestShop.login(mvc, "owner@test.it"))).andExpect(status().isOk());
		mvc.perform(get("/account/team").cookie(TestShop.login(mvc, "anna@test.it"))).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder invite(String name, String email, String role, String limit,
			boolean seesAll) {
		MockHttpServletRequestBuilder request = post("/account/team").param("displayName", name)
			.param("email", email)
			.param("role", role)
			.param("monthlyLimit", limit)
			.param("_seesAllServices", "on")
			.cookie(owner)
			.with(csrf());
		return seesAll ? request.param("seesAllServices", "true") : request;
	}

	private Cookie login(String email, String password) throws Exception {
		Cookie cookie = mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
