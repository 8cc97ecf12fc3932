package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17: the orders and services pages name the user who bought, the Titolare filters
 * them by user, an Operatore who sees only its own services sees no other, and staff see
 * the team on the reseller's page.
 */
@WebIntegrationTest
class TeamVisibilityIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser owner;

	String ownersOrder;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("owner@test.it", "BASE", "500.00");
		owner = shop.owner(resellerId);
		ownersOrder = shop.buy(owner, TestShop.CUSTOMER, "REMOTA", SPID, 1);
	}

	@Test
	void theTitolareSeesWhoBoughtAndFiltersOrdersAndServicesByUser() throws Exception {
		ShopUser operator = shop.member(resellerId, "op@test.it", TeamRole.OPERATOR, null, true);
		String operatorsOrder = shop.buy(operator, TestShop.CUSTOMER, "REMOTA", SPID, 2);

		mvc.perform(get("/orders").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"user-filter\"")))
			.andExpect(content().string(containsString(">Utente op@test.it</td>")))
			.andExpect(content().string(containsString(">Referente owner@test.it</td>")));
		mvc.perform(get("/orders").param("user", String.valueOf(operator.userId())).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(operatorsOrder)))
			.andExpect(content().string(not(containsString(ownersOrder))));

		String services = mvc
			.perform(get("/account/services").param("user", String.valueOf(operator.userId())).with(user(owner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(services).contains("Acquistato da Utente op@test.it").doesNotContain(ownersOrder);
		assertThat(services.split("data-testid=\"service-status\"", -1)).hasSize(3); // two

		// an Operatore has no "Utente" filter, and its parameter changes nothing
		mvc.perform(get("/orders").param("user", String.valueOf(operator.userId())).with(user(operator)))
			.andExpect(content().string(not(containsString("data-testid=\"user-filter\""))))
			.andExpect(content().string(containsString(ownersOrder)));
	}

	@Test
	void anOperatoreWhoSeesOnlyItsOwnServicesSeesNoOther() throws Exception {
		ShopUser operator = shop.member(resellerId, "own@test.it", TeamRole.OPERATOR, null, false);
		shop.buy(operator, TestShop.CUSTOMER, "REMOTA", SPID, 1);
		long ownersService = serviceBoughtBy(owner);
		long operatorsService = serviceBoughtBy(operator);

		String page = mvc.perform(get("/account/services").with(user(operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/account/services/" + operatorsService)
			.doesNotContain("/account/services/" + ownersService + "\"")
			.doesNotContain(ownersOrder);
		mvc.perform(get("/account/services/{id}", ownersService).with(user(operator))).andExpect(status().isNotFound());
		mvc.perform(get("/account/services/{id}/associate", ownersService).with(user(operator)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/account/services/{id}", operatorsService).with(user(operator))).andExpect(status().isOk());

		// the Titolare lets it see the whole team's: the next page shows them
		jdbc.sql("update user_account set sees_all_services = true where id = ?").param(operator.userId()).update();
		mvc.perform(get("/account/services/{id}", ownersService).with(user(operator))).andExpect(status().isOk());
	}

	@Test
	void staffSeeTheUsersOfTheResellerOnItsPage() throws Exception {
		shop.member(resellerId, "contabile@test.it", TeamRole.ACCOUNTANT, null, true);
		shop.member(resellerId, "op@test.it", TeamRole.OPERATOR, "100.00", true);

		mvc.perform(get("/admin/resellers/{id}", resellerId).with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-member=\"owner@test.it\"")))
			.andExpect(content().string(containsString("data-member=\"contabile@test.it\"")))
			.andExpect(content().string(containsString("Utente op@test.it")))
			.andExpect(content().string(containsString("Contabile")))
			.andExpect(content().string(containsString("100,00")));
	}

	private long serviceBoughtBy(ShopUser user) {
		return jdbc.sql("select min(id) from purchased_service where placed_by_user_id = ?")
			.param(user.userId())
			.query(Long.class)
			.single();
	}

}
