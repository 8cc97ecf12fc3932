package it.rivendo.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "Promemoria" tab: the end customers' notice is off until the reseller turns it on,
 * the choice is saved per reseller (Post/Redirect/Get) and read back on the page.
 */
@WebIntegrationTest
class ReminderSettingsPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	ReminderSettings settings;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	long other;

	ShopUser owner;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		reseller = shop.reseller("owner@test.it", "BASE", "0");
		other = shop.reseller("other@test.it", "BASE", "0");
		owner = shop.userOf(reseller, "owner@test.it");
	}

	@Test
	void offUntilTheResellerTurnsItOnThenSavedForThatResellerOnly() throws Exception {
		mvc.perform(get("/account/services/reminders").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Promemoria di scadenza")))
			.andExpect(content().string(Matchers.containsString("Avvisa anche i miei clienti")));
		assertThat(checkbox()).doesNotContain("checked");

		mvc.perform(post("/account/services/reminders").param("notifyEndCustomers", "true")
			.param("_notifyEndCustomers", "on")
			.with(user(owner))
			.with(csrf()))
			.andExpect(redirectedUrl("/account/services/reminders"))
			.andExpect(flash().attribute("success", "services.reminders.settings.savedOn"));

		assertThat(settings.notifiesEndCustomers(reseller)).isTrue();
		assertThat(settings.notifiesEndCustomers(other)).isFalse();
		assertThat(jdbc.sql("select updated_by from reseller_reminder_setting where reseller_id = ?")
			.param(reseller)
			.query(String.class)
			.single()).isEqualTo("owner@test.it");
		assertThat(checkbox()).contains("checked");

		// unticked: the browser sends only the hidden marker
		mvc.perform(
				post("/account/services/reminders").param("_notifyEndCustomers", "on").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/account/services/reminders"))
			.andExpect(flash().attribute("success", "services.reminders.settings.savedOff"));
		assertThat(settings.notifiesEndCustomers(reseller)).isFalse();
	}

	@Test
	void onlyTheTitolareChangesItTheOthersSeeIt() throws Exception {
		ShopUser operator = shop.userOf(reseller, "operatore@test.it", TeamRole.OPERATOR);
		settings.notifyEndCustomers(reseller, true, "owner@test.it");
		String page = mvc.perform(get("/account/services/reminders").with(user(operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Solo il Titolare dell&#39;account può cambiare questa scelta.")
			.doesNotContain("data-testid=\"save-reminders\"");
		mvc.perform(post("/account/services/reminders").param("_notifyEndCustomers", "on")
			.with(user(operator))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(settings.notifiesEndCustomers(reseller)).isTrue();
	}

	@Test
	void staffAndVisitorsCannotChangeIt() throws Exception {
		mvc.perform(post("/account/services/reminders").param("notifyEndCustomers", "true").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/account/services/reminders").param("notifyEndCustomers", "true")
			.with(user(shop.staff()))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from reseller_reminder_setting").query(Long.class).single()).isZero();
	}

	/** The checkbox's tag as the page renders it for the owner. */
	private String checkbox() throws Exception {
		String html = mvc.perform(get("/account/services/reminders").with(user(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<input[^>]*id=\"notifyEndCustomers\"[^>]*>")
			.matcher(html);
		assertThat(tag.find()).as("the checkbox on the page").isTrue();
		return tag.group();
	}

}
