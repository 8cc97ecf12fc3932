package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff's identification check on the service page: what the end customer gave, the
 * confirmation (a declaration is required) and the refusal (a reason is required); a
 * second decision answers 409; resellers see "In verifica".
 */
@WebIntegrationTest
class IdentityCheckPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

	@Autowired
	Activation activation;

	@Autowired
	JdbcClient jdbc;

	ShopUser reseller;

	ShopUser staff;

	long serviceId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long resellerId = shop.reseller("reseller@test.it", "BASE", "100.00");
		reseller = shop.userOf(resellerId, "reseller@test.it");
		staff = shop.staff();
		shop.buy(resellerId, "REMOTA", SPID, 1);
		serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, "mario@test.it", null, "reseller@test.it");
		activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", "mario@test.it", "/activate/"),
				new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567"));
	}

	@Test
	void staffSeeTheDataAndMustDeclareTheIdentificationBeforeConfirming() throws Exception {
		mvc.perform(get("/admin").with(user(staff)))
			.andExpect(content().string(containsString("data-testid=\"identity-checks\">1<")));
		mvc.perform(get("/admin/services/" + serviceId).with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Verifica dell&#39;identificazione")))
			.andExpect(content().string(containsString("RSSMRA85T10A562S")))
			.andExpect(content().string(containsString("+39 333 1234567")));

		mvc.perform(post("/admin/services/" + serviceId + "/identification/confirm").param("providerReference", "INF-1")
			.with(user(staff))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Conferma di aver completato l&#39;identificazione")))
			.andExpect(content().string(containsString("value=\"INF-1\"")));
		assertThat(serviceStatus()).isEqualTo("IN_VERIFICATION");

		mvc.perform(post("/admin/services/" + serviceId + "/identification/confirm").param("identified", "true")
			.param("providerReference", "INF-1")
			.with(user(staff))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/services/" + serviceId))
			.andExpect(flash().attribute("success", "admin.identity.confirmed"));
		assertThat(serviceStatus()).isEqualTo("ACTIVE");

		mvc.perform(post("/admin/services/" + serviceId + "/identification/refuse").param("reason", "tardi")
			.with(user(staff))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("non è più in verifica")));
		assertThat(serviceStatus()).isEqualTo("ACTIVE");
	}

	@Test
	void aRefusalNeedsAReasonAndTheResellerSeesItWithTheLinkToSendAgain() throws Exception {
		mvc.perform(get("/account/services/" + serviceId).with(user(reseller)))
			.andExpect(content().string(containsString("In verifica")))
			.andExpect(content().string(containsString("il nostro staff verifica")))
			.andExpect(content().string(not(containsString("data-testid=\"resend\""))));

		mvc.perform(post("/admin/services/" + serviceId + "/identification/refuse").param("reason", " ")
			.with(user(staff))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"reason-error\"")));
		mvc.perform(post("/admin/services/" + serviceId + "/identification/refuse").param("reason", "x".repeat(301))
			.with(user(staff))
			.with(csrf())).andExpect(status().isUnprocessableContent());
		assertThat(serviceStatus()).isEqualTo("IN_VERIFICATION");

		mvc.perform(post("/admin/services/" + serviceId + "/identification/refuse").param("reason", "Documento scaduto")
			.with(user(staff))
			.with(csrf())).andExpect(redirectedUrl("/admin/services/" + serviceId));

		mvc.perform(get("/account/services/" + serviceId).with(user(reseller)))
			.andExpect(content().string(containsString("Documento scaduto")))
			.andExpect(content().string(containsString("Identificazione non confermata dallo staff")))
			.andExpect(content().string(containsString("data-testid=\"resend\"")));
		mvc.perform(post("/admin/services/" + serviceId + "/identification/refuse").param("reason", "x")
			.with(user(reseller))
			.with(csrf())).andExpect(status().isForbidden());
	}

	private String serviceStatus() {
		return jdbc.sql("select status from purchased_service").query(String.class).single();
	}

}
