package it.rivendo.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff's application page: what is wrong in the approval or the rejection comes back
 * next to its field, as typed, and nothing is decided; an application decided already
 * says so on its page.
 */
@WebIntegrationTest
class AdminApplicationsPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Applications applications;

	@Autowired
	JdbcClient jdbc;

	long id;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "20");
		id = applications.apply(ApplicationsIT.COMPANY, "Nora Nuova", "nora@nuova.it", "011 123456").orElseThrow();
	}

	@Test
	void anOpeningCreditThatIsNoAmountOrIsNegativeComesBackNextToTheField() throws Exception {
		mvc.perform(post("/admin/applications/{id}/approve", id).with(user(shop.staff()))
			.with(csrf())
			.param("tier", "SILVER")
			.param("openingCredit", "cento"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"openingCredit-error\"")))
			.andExpect(content().string(containsString("value=\"cento\"")))
			.andExpect(content().string(containsString("Importo non valido")))
			.andExpect(content().string(containsString("inputmode=\"decimal\" placeholder=\"0,00\"")))
			.andExpect(
					content().string(containsString("aria-invalid=\"true\" aria-describedby=\"openingCredit-error\"")))
			.andExpect(content().string(containsString("<option value=\"SILVER\" selected=\"selected\">")));
		mvc.perform(post("/admin/applications/{id}/approve", id).with(user(shop.staff()))
			.with(csrf())
			.param("tier", "SILVER")
			.param("openingCredit", "-10"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"openingCredit-error\"")))
			.andExpect(content().string(containsString("Credito iniziale non valido.")));
		assertThat(applications.view(id).status()).isEqualTo(ApplicationStatus.PENDING);

		mvc.perform(post("/admin/applications/{id}/approve", id).with(user(shop.staff()))
			.with(csrf())
			.param("tier", "SILVER")
			.param("openingCredit", "100,50"))
			.andExpect(redirectedUrl("/admin/applications/" + id))
			.andExpect(flash().attribute("success", "apply.approved"));
		assertThat(applications.view(id).status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(jdbc.sql("select amount from credit_entry").query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("100.50");
	}

	@Test
	void aRejectionWithoutAReasonComesBackNextToTheField() throws Exception {
		mvc.perform(
				post("/admin/applications/{id}/reject", id).with(user(shop.staff())).with(csrf()).param("reason", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"reason-error\"")))
			.andExpect(content().string(containsString("Indica il motivo del rifiuto.")));
		assertThat(applications.view(id).status()).isEqualTo(ApplicationStatus.PENDING);

		mvc.perform(post("/admin/applications/{id}/reject", id).with(user(shop.staff()))
			.with(csrf())
			.param("reason", "Partita IVA cessata"))
			.andExpect(redirectedUrl("/admin/applications/" + id))
			.andExpect(flash().attribute("success", "apply.rejected"));
		mvc.perform(get("/admin/applications/{id}", id).with(user(shop.staff())))
			.andExpect(content().string(containsString("Partita IVA cessata")))
			.andExpect(content().string(containsString("Rifiutata")));
	}

	@Test
	void aDecidedApplicationSaysSoOnItsPage() throws Exception {
		applications.reject(id, "Partita IVA cessata", shop.staff());
		mvc.perform(post("/admin/applications/{id}/approve", id).with(user(shop.staff()))
			.with(csrf())
			.param("tier", "SILVER"))
			.andExpect(redirectedUrl("/admin/applications/" + id))
			.andExpect(flash().attribute("error", "apply.error.decided"));
		mvc.perform(post("/admin/applications/{id}/reject", id).with(user(shop.staff()))
			.with(csrf())
			.param("reason", "Di nuovo"))
			.andExpect(redirectedUrl("/admin/applications/" + id))
			.andExpect(flash().attribute("error", "apply.error.decided"));
		assertThat(applications.view(id).reason()).isEqualTo("Partita IVA cessata");
	}

}
