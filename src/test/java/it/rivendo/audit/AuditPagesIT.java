package it.rivendo.audit;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The audit page shows staff actions and credit movements together, newest first,
 * filtered and paginated.
 */
@WebIntegrationTest
class AuditPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	AuditTrail audit;

	@Autowired
	CreditLedger credit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	TierRules tiers;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("bronze@test.it", "BASE", "150.00");
		credit.debit(resellerId, EntryKind.ADJUSTMENT, Money.of("20.50"), "ADJ-1", "Rettifica", "anna@staff.it");
		audit.record(AuditRecord.of("mario@staff.it", "SUPPORT_CLOSED", "support-1", "status: OPEN → CLOSED"));
	}

	@Test
	void staffActionsAndCreditMovementsShowTogetherNewestFirstWithBeforeAndAfter() throws Exception {
		MvcResult page = mvc.perform(get("/admin/audit").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Credito: ricarica")))
			.andExpect(content().string(containsString("Credito: rettifica")))
			// the details in words, not as the ledger writes them
			.andExpect(content().string(containsString("-20,50\u00a0€")))
			.andExpect(content().string(containsString("150,00\u00a0€ → 129,50\u00a0€")))
			.andExpect(content().string(containsString("Riferimento:")))
			.andExpect(content().string(containsString("Stato:")))
			.andExpect(content().string(containsString("Aperta → Chiusa")))
			.andExpect(content().string(not(containsString("amount: -20.50"))))
			.andExpect(content().string(not(containsString("status: OPEN"))))
			.andExpect(content().string(containsString("Azienda bronze@test.it")))
			.andExpect(content().string(containsString("Richiesta di assistenza chiusa")))
			.andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html.indexOf("Richiesta di assistenza chiusa</span>"))
			.isLessThan(html.indexOf("Credito: rettifica</span>"));
		assertThat(html.indexOf("Credito: rettifica</span>")).isLessThan(html.indexOf("Credito: ricarica</span>"));
		mvc.perform(get("/admin/audit").param("lang", "en").with(user(shop.staff())))
			.andExpect(content().string(containsString("Amount:")))
			.andExpect(content().string(containsString("€150.00 → €129.50")))
			.andExpect(content().string(containsString("Open → Closed")));
	}

	@Test
	void tiersAreNamedInTheReadersLanguage() throws Exception {
		catalog.addTier("GOLD", new LocalizedText("Oro", "Gold"), new java.math.BigDecimal("30"), 9);
		tiers.setThreshold("GOLD", Money.of("1000.00"), "anna@staff.it");
		tiers.pin(resellerId, "GOLD", "accordo commerciale", "anna@staff.it");

		String italian = mvc.perform(get("/admin/audit").with(user(shop.staff())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(italian).contains("Fascia Oro</span>").contains("BASE → Oro").doesNotContain("GOLD");
		String english = mvc.perform(get("/admin/audit").param("lang", "en").with(user(shop.staff())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Tier Gold</span>").contains("BASE → Gold").doesNotContain("GOLD");
	}

	@Test
	void filtersByActorActionAndDay() throws Exception {
		mvc.perform(get("/admin/audit").param("actor", "ANNA@").with(user(shop.staff())))
			.andExpect(content().string(containsString("Credito: rettifica</span>")))
			.andExpect(content().string(not(containsString("Richiesta di assistenza chiusa</span>"))));
		mvc.perform(get("/admin/audit").param("action", "SUPPORT_CLOSED").with(user(shop.staff())))
			.andExpect(content().string(containsString("mario@staff.it")))
			.andExpect(content().string(not(containsString("Credito: ricarica</span>"))));
		mvc.perform(get("/admin/audit").param("from", "2000-01-01").param("to", "2000-12-31").with(user(shop.staff())))
			.andExpect(content().string(containsString("Nessun evento")));
		mvc.perform(get("/admin/audit").param("from", "ieri").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"from-error\"")))
			.andExpect(content().string(containsString("value=\"ieri\"")));
	}

	@Test
	void pagesHoldFiftyLines() throws Exception {
		for (int i = 0; i < 60; i++) {
			audit.record(AuditRecord.of("bulk@staff.it", "BULK", "t-" + i, null));
		}
		assertThat(audit.search(null, null, null, null, PageRequest.of(1, 50)).getContent()).hasSize(13);
		mvc.perform(get("/admin/audit").with(user(shop.staff())))
			.andExpect(content().string(containsString("Pagina 1 di 2")))
			.andExpect(content().string(containsString("page=1")));
	}

}
