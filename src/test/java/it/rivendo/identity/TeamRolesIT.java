package it.rivendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Team roles (issue 17) through a real sign-in: a reseller's login is its Titolare, and
 * the role stored with a user decides what its session may open.
 */
@WebIntegrationTest
class TeamRolesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	ResellerAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("owner@test.it", "BASE", "100.00");
	}

	@Test
	void aResellersLoginIsItsTitolareAndMayTopUp() throws Exception {
		assertThat(jdbc.sql("select team_role from user_account where email = 'owner@test.it'")
			.query(String.class)
			.single()).isEqualTo("OWNER");
		Cookie session = TestShop.login(mvc, "owner@test.it");
		mvc.perform(get("/account/credit/top-up").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/cart").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/account/credit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("data-testid=\"top-up\"")));
	}

	@Test
	void aContabileReadsTheLedgerAndOrdersButCannotReachTheCartOrTopUps() throws Exception {
		setRole("ACCOUNTANT");
		Cookie session = TestShop.login(mvc, "owner@test.it");
		mvc.perform(get("/orders").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/account/credit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"top-up\""))));
		mvc.perform(get("/cart").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/checkout").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/account/credit/top-up").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/catalog").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"cart-menu\""))));
	}

	@Test
	void anOperatoreBuysButCannotTopUp() throws Exception {
		setRole("OPERATOR");
		Cookie session = TestShop.login(mvc, "owner@test.it");
		mvc.perform(get("/cart").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/account/credit/top-up").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/account/team").cookie(session)).andExpect(status().isForbidden());
	}

	@Test
	void theDatabaseRefusesAResellerUserWithoutATeamRoleAndStaffWithOne() {
		assertThatThrownBy(() -> setRole(null)).isInstanceOf(DataIntegrityViolationException.class);
		accounts.openStaff("staff@test.it", "Staff", TestShop.PASSWORD);
		assertThatThrownBy(() -> jdbc.sql("update user_account set team_role = 'OWNER' where role = 'STAFF'").update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private void setRole(String role) {
		jdbc.sql("update user_account set team_role = ? where reseller_id = ?").param(role).param(resellerId).update();
	}

}
