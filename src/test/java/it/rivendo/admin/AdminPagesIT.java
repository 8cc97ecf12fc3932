package it.rivendo.admin;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff find orders by number, reseller, period and status, set tier thresholds, correct
 * a credit, see a reseller's services, pin its tier and switch it off.
 */
@WebIntegrationTest
class AdminPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	TierRules tiers;

	@Autowired
	CreditLedger ledger;

	long alfa;

	long beta;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("GOLD", "30").family("F");
		shop.product("P", "F", SPID, "10.00");
		alfa = shop.reseller("alfa@test.it", "BASE", "100.00");
		beta = shop.reseller("beta@test.it", "BASE", "100.00");
		buy(alfa);
		buy(beta);
	}

	@Test
	void ordersAreFoundByNumberResellerPeriodAndStatus() throws Exception {
		mvc.perform(get("/admin/orders").with(user(shop.staff())))
			.andExpect(content().string(containsString("2026-000001".substring(0, 4))))
			.andExpect(content().string(containsString("Azienda alfa@test.it")))
			.andExpect(content().string(containsString("Azienda beta@test.it")));
		mvc.perform(get("/admin/orders").param("reseller", "BETA@").with(user(shop.staff())))
			.andExpect(content().string(containsString("Azienda beta@test.it")))
			.andExpect(content().string(not(containsString("Azienda alfa@test.it"))));
		mvc.perform(get("/admin/orders").param("number", "000001").with(user(shop.staff())))
			.andExpect(content().string(containsString("-000001")))
			.andExpect(content().string(not(containsString("-000002"))));
		String today = LocalDate.now(it.rivendo.shared.Formats.SHOP_ZONE).toString();
		mvc.perform(get("/admin/orders").param("from", today)
			.param("to", today)
			.param("status", "PAID")
			.with(user(shop.staff()))).andExpect(content().string(containsString("2 risultati")));
		mvc.perform(get("/admin/orders").param("status", "CANCELLED").with(user(shop.staff())))
			.andExpect(content().string(containsString("0 risultati")));
		mvc.perform(get("/admin/orders").param("from", "ieri").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Una delle date non è valida")))
			.andExpect(content().string(containsString("aria-describedby=\"from-error\"")))
			.andExpect(content().string(containsString("value=\"ieri\"")))
			.andExpect(content().string(not(containsString("to-error"))));
		mvc.perform(get("/admin/orders").with(user(shop.userOf(alfa, "alfa@test.it"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffSetTierThresholdsAndTiersFollow() throws Exception {
		tiers.unpin(alfa, "test");
		ledger.credit(alfa, EntryKind.TOPUP, Money.of("600.00"), "T", "ricarica", "test");
		assertThat(tiers.statusOf(alfa).code()).isEqualTo("GOLD"); // every threshold is 0
																	// so far
		mvc.perform(post("/admin/tier-rules/GOLD").param("minTopUp", "1000,00").with(user(shop.staff())).with(csrf()))
			.andExpect(flash().attribute("success", "admin.tiers.saved"));
		assertThat(tiers.statusOf(alfa).code()).isEqualTo("BASE");
		assertThat(tiers.statusOf(alfa).missingForNext()).isEqualTo(Money.of("300.00"));
		var refused = mvc
			.perform(post("/admin/tier-rules/GOLD").param("minTopUp", "-1").with(user(shop.staff())).with(csrf()))
			.andExpect(flash().attribute("error", "admin.tiers.invalid"))
			.andReturn();
		// back on the page, the message sits next to GOLD's field, with what was typed in
		// it
		mvc.perform(
				get("/admin/tier-rules").cookie(refused.getResponse().getCookie("SESSION")).with(user(shop.staff())))
			.andExpect(content().string(containsString("value=\"-1,00\"")))
			.andExpect(content().string(containsString("aria-describedby=\"min-GOLD-error\"")))
			.andExpect(content().string(not(containsString("min-BASE-error"))));
		mvc.perform(get("/admin/tier-rules").with(user(shop.staff())))
			.andExpect(content().string(containsString("value=\"1000,00\"")));
	}

	@Test
	void aCreditAdjustmentIsReadAsTypedAndRefusedNextToItsField() throws Exception {
		Money before = ledger.balanceOf(alfa);
		// 11 digits once overflowed numeric(12,2): a 500
		mvc.perform(adjust("99999999999", "Errore di battitura"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"99999999999\"")))
			.andExpect(content().string(containsString("aria-describedby=\"amount-error\"")))
			.andExpect(content().string(containsString("Importo non valido")))
			.andExpect(content().string(containsString("value=\"Errore di battitura\"")));
		mvc.perform(adjust("1E+3", "Notazione scientifica"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"1E+3\"")))
			.andExpect(content().string(containsString("Importo non valido")));
		mvc.perform(adjust("0", "Nulla"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Indica un importo diverso da zero")));
		mvc.perform(adjust("-1000,00", "Troppo"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Il credito non basta: mancano ")));
		mvc.perform(adjust("12,50", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("aria-describedby=\"reason-error\"")));
		assertThat(ledger.balanceOf(alfa)).isEqualTo(before);
		mvc.perform(adjust("12,50", "Compensazione"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", "admin.reseller.adjusted"));
		assertThat(ledger.balanceOf(alfa)).isEqualTo(before.plus(Money.of("12.50")));
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void amountsInScientificNotationAreRefusedAtOnceEverywhereStaffTypeThem() throws Exception {
		Money before = ledger.balanceOf(alfa);
		for (String amount : new String[] { "1E+10000000", "1E+999999999", "99999999999" }) {
			mvc.perform(adjust(amount, "Prova")).andExpect(status().isUnprocessableContent());
			mvc.perform(post("/admin/tier-rules/GOLD").param("minTopUp", amount).with(user(shop.staff())).with(csrf()))
				.andExpect(flash().attribute("error", "admin.tiers.invalid"));
		}
		assertThat(ledger.balanceOf(alfa)).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder adjust(String amount, String reason) {
		return post("/admin/resellers/" + alfa + "/adjust").param("amount", amount)
			.param("reason", reason)
			.with(user(shop.staff()))
			.with(csrf());
	}

	@Test
	void aResellersPageListsItsServices() throws Exception {
		mvc.perform(get("/admin/resellers/" + alfa).with(user(shop.staff())))
			.andExpect(content().string(containsString("data-testid=\"reseller-services\"")))
			.andExpect(content().string(containsString("Prodotto P")))
			.andExpect(content().string(containsString("Da associare")));
	}

	@Test
	void aTierPinnedOrAnAccountSwitchedOffWithoutAReasonIsSaidNextToTheReason() throws Exception {
		tiers.unpin(alfa, "test");
		mvc.perform(post("/admin/resellers/" + alfa + "/tier").param("tier", "GOLD")
			.param("reason", " ")
			.with(user(shop.staff()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("aria-describedby=\"pin-reason-error\"")))
			.andExpect(content().string(containsString("Indica il motivo.")));
		assertThat(tiers.statusOf(alfa).pinned()).isFalse();
		mvc.perform(post("/admin/resellers/" + alfa + "/enabled").param("enabled", "false")
			.with(user(shop.staff()))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("aria-describedby=\"enable-reason-error\"")));
		mvc.perform(get("/admin/resellers/" + alfa).with(user(shop.staff())))
			.andExpect(content().string(not(containsString("reason-error"))));

		mvc.perform(post("/admin/resellers/" + alfa + "/tier").param("tier", "GOLD")
			.param("reason", "Accordo commerciale")
			.with(user(shop.staff()))
			.with(csrf())).andExpect(flash().attribute("success", "admin.reseller.pinned"));
		assertThat(tiers.statusOf(alfa).code()).isEqualTo("GOLD");
		assertThat(tiers.statusOf(alfa).pinned()).isTrue();
		mvc.perform(post("/admin/resellers/" + alfa + "/tier").param("tier", "").with(user(shop.staff())).with(csrf()))
			.andExpect(flash().attribute("success", "admin.reseller.unpinned"));
		assertThat(tiers.statusOf(alfa).pinned()).isFalse();
	}

	private void buy(long reseller) {
		shop.buy(reseller, "P", SPID, 1);
	}

}
