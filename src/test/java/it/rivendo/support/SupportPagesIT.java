package it.rivendo.support;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Contattaci" for the public and for resellers, the reseller's requests, and staff
 * answering and closing.
 */
@WebIntegrationTest
class SupportPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser owner;

	ShopUser other;

	String ownOrder;

	String othersOrder;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long ownerId = shop.reseller("owner@test.it", "BASE", "100.00");
		long otherId = shop.reseller("other@test.it", "BASE", "100.00");
		owner = shop.userOf(ownerId, "owner@test.it");
		other = shop.userOf(otherId, "other@test.it");
		ownOrder = shop.buy(ownerId, "REMOTA", SPID, 1);
		othersOrder = shop.buy(otherId, "REMOTA", SPID, 1);
	}

	@Test
	void thePublicWritesWithoutSigningInAndGetsAnAcknowledgementThroughTheOutbox() throws Exception {
		mvc.perform(get("/contact"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Contattaci")))
			.andExpect(content().string(containsString("name=\"email\"")));
		mvc.perform(post("/contact").with(csrf())
			.param("topic", "INVOICE")
			.param("name", "Mario Rossi")
			.param("email", "mario@example.it")
			.param("orderNumber", "qualsiasi cosa")
			.param("message", "Vorrei una copia della fattura."))
			.andExpect(redirectedUrl("/contact"))
			.andExpect(flash().attribute("success", "support.sent"));

		Map<String, Object> row = jdbc.sql("select * from support_request").query().singleRow();
		assertThat(row).containsEntry("reseller_id", null)
			.containsEntry("order_number", "qualsiasi cosa")
			.containsEntry("topic", "INVOICE")
			.containsEntry("status", "OPEN");
		Map<String, Object> mail = jdbc.sql("select * from mail_outbox where kind = 'SUPPORT_RECEIVED'")
			.query()
			.singleRow();
		assertThat(mail).containsEntry("kind", "SUPPORT_RECEIVED").containsEntry("recipient", "mario@example.it");
		// the address was only typed, not proven: the acknowledgement repeats neither the
		// text nor the name
		assertThat((String) mail.get("body_text")).contains("il testo della richiesta non viene riportato")
			.doesNotContain("Mario Rossi")
			.doesNotContain("Vorrei una copia della fattura.");
	}

	@Test
	void anInvalidFormComesBackWithMessagesNextToTheFieldsAndWhatWasTyped() throws Exception {
		mvc.perform(post("/contact").with(csrf())
			.param("topic", "")
			.param("name", "Mario <b>Rossi</b>")
			.param("email", "not-an-address")
			.param("message", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("id=\"message-error\"")))
			.andExpect(content().string(containsString("id=\"topic-error\"")))
			.andExpect(content().string(containsString("value=\"not-an-address\"")))
			.andExpect(content().string(containsString("Mario &lt;b&gt;Rossi&lt;/b&gt;")));
		mvc.perform(post("/contact").with(csrf())
			.param("topic", "FORGED")
			.param("name", "A")
			.param("email", "a@b.it")
			.param("message", "x")).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isZero();
	}

	@Test
	void aResellerWritesAsItsAccountAndMayNameOnlyItsOwnOrders() throws Exception {
		mvc.perform(get("/contact").with(user(owner)))
			.andExpect(content().string(containsString("value=\"owner@test.it\"")))
			.andExpect(content().string(containsString("readonly")));
		mvc.perform(post("/contact").with(user(owner))
			.with(csrf())
			.param("topic", "ORDER")
			.param("orderNumber", othersOrder)
			.param("message", "Dov'è il mio ordine?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"orderNumber-error\"")))
			.andExpect(content().string(containsString("nessuno dei tuoi ordini")))
			.andExpect(content().string(containsString(othersOrder)));
		mvc.perform(post("/contact").with(user(owner))
			.with(csrf())
			.param("topic", "ORDER")
			.param("name", "Forged Name")
			.param("email", "forged@evil.it")
			.param("orderNumber", ownOrder)
			.param("message", "Dov'è il mio ordine?")).andExpect(redirectedUrl("/contact"));
		Map<String, Object> row = jdbc.sql("select * from support_request").query().singleRow();
		assertThat(row).containsEntry("sender_email", "owner@test.it")
			.containsEntry("sender_name", "Referente owner@test.it")
			.containsEntry("order_number", ownOrder);
		assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'SUPPORT_RECEIVED'")
			.query(String.class)
			.single()).isEqualTo("owner@test.it");
	}

	@Test
	void staffFilterAnswerAndCloseAndTheResellerSeesTheAnswer() throws Exception {
		mvc.perform(post("/contact").with(user(owner))
			.with(csrf())
			.param("topic", "CREDIT")
			.param("message", "La ricarica non è arrivata."));
		mvc.perform(post("/contact").with(csrf())
			.param("topic", "OTHER")
			.param("name", "Anna")
			.param("email", "anna@example.it")
			.param("message", "Informazioni"));
		long id = jdbc.sql("select id from support_request where reseller_id is not null").query(Long.class).single();

		mvc.perform(get("/admin/support").param("status", "OPEN").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Richiesta n. " + id)))
			.andExpect(content().string(containsString("anna@example.it")));
		mvc.perform(post("/admin/support/{id}/answer", id).with(user(shop.staff())).with(csrf()).param("body", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"body-error\"")));
		mvc.perform(post("/admin/support/{id}/answer", id).with(user(shop.staff()))
			.with(csrf())
			.param("body", "La ricarica è stata accreditata."))
			.andExpect(redirectedUrl("/admin/support/" + id))
			.andExpect(flash().attribute("success", "support.answered"));
		mvc.perform(get("/admin/support").param("status", "ANSWERED").with(user(shop.staff())))
			.andExpect(content().string(containsString("Richiesta n. " + id)))
			.andExpect(content().string(not(containsString("anna@example.it"))));

		Map<String, Object> mail = jdbc.sql("select * from mail_outbox where kind = 'SUPPORT_ANSWER'")
			.query()
			.singleRow();
		assertThat(mail).containsEntry("recipient", "owner@test.it").containsEntry("reference", "support-" + id);
		assertThat((String) mail.get("body_text")).contains("La ricarica è stata accreditata.")
			.contains("/account/support/" + id);

		mvc.perform(get("/account/support").with(user(owner)))
			.andExpect(content().string(containsString("Risposta inviata")));
		mvc.perform(get("/account/support/{id}", id).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("La ricarica è stata accreditata.")));
		mvc.perform(get("/account/support/{id}", id).with(user(other))).andExpect(status().isNotFound());

		mvc.perform(post("/admin/support/{id}/close", id).with(user(shop.staff())).with(csrf()))
			.andExpect(redirectedUrl("/admin/support/" + id));
		mvc.perform(
				post("/admin/support/{id}/answer", id).with(user(shop.staff())).with(csrf()).param("body", "Ancora"))
			.andExpect(flash().attribute("error", "support.error.closed"));
		mvc.perform(get("/account/support/{id}", id).with(user(owner)))
			.andExpect(content().string(containsString("Chiusa")));
		assertThat(jdbc.sql("select action || ' ' || actor || ' ' || detail from audit_event order by id")
			.query(String.class)
			.list()).containsExactly(
					"SUPPORT_ANSWERED staff@test.it status: OPEN → ANSWERED; answer: La ricarica è stata accreditata.",
					"SUPPORT_CLOSED staff@test.it status: ANSWERED → CLOSED");
	}

	@Test
	void everyPageHasTheContactLink() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/contact\"")));
	}

}
