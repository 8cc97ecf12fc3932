package it.rivendo.credit;

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

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff confirm and cancel top-ups from their pages: what is not an amount or a date
 * comes back next to its field, as typed; a refusal comes back to the list with its
 * message; nothing is credited twice.
 */
@WebIntegrationTest
class TopUpPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	TopUps topUps;

	@Autowired
	CreditLedger ledger;

	long resellerId;

	ShopUser reseller;

	TopUpView requested;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		resellerId = shop.reseller("reseller@test.it", "BASE", "0");
		reseller = shop.userOf(resellerId, "reseller@test.it");
		requested = topUps.request(reseller, Money.of("250.00"), PaymentMethod.BANK).topUp();
	}

	@Test
	void aConfirmationIsBoundAndRefusedNextToItsFields() throws Exception {
		mvc.perform(confirm("1E+3", "ieri"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"1E+3\"")))
			.andExpect(content().string(containsString("value=\"ieri\"")))
			.andExpect(content().string(containsString("aria-describedby=\"received-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"receivedOn-error\"")))
			.andExpect(content().string(containsString("Data non valida")));
		mvc.perform(confirm("0", "2026-11-30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("aria-describedby=\"received-error\"")))
			.andExpect(content().string(containsString("maggiore di zero")));
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.ZERO);

		mvc.perform(confirm("249,50", "2026-11-30"))
			.andExpect(redirectedUrl("/admin/top-ups"))
			.andExpect(flash().attribute("success", "topup.confirmed"));
		mvc.perform(confirm("249,50", "2026-11-30"))
			.andExpect(redirectedUrl("/admin/top-ups"))
			.andExpect(flash().attribute("error", "topup.alreadyDone"));
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("249.50"));
		assertThat(topUps.view(requested.id()).receivedOn()).hasToString("2026-11-30");
	}

	@Test
	void aCancellationNeedsAReasonAndAPendingTopUp() throws Exception {
		mvc.perform(cancel(" "))
			.andExpect(redirectedUrl("/admin/top-ups"))
			.andExpect(flash().attribute("error", "topup.error.reason"));
		mvc.perform(cancel("Bonifico mai arrivato"))
			.andExpect(redirectedUrl("/admin/top-ups"))
			.andExpect(flash().attribute("success", "topup.cancelled"));
		assertThat(topUps.view(requested.id()).status()).isEqualTo(TopUpStatus.CANCELLED);
		mvc.perform(cancel("di nuovo"))
			.andExpect(redirectedUrl("/admin/top-ups"))
			.andExpect(flash().attribute("error", "topup.alreadyDone"));
		mvc.perform(get("/admin/top-ups").with(user(shop.staff())))
			.andExpect(content().string(containsString(requested.reference())))
			.andExpect(content().string(containsString("Annullata")));
	}

	@Test
	void aTopUpAmountThatIsNotAnAmountIsSaidNextToTheField() throws Exception {
		mvc.perform(post("/account/credit/top-up").param("amount", "1E+3")
			.param("method", "BANK")
			.param("billingConfirmed", "true")
			.with(user(reseller))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"1E+3\"")))
			.andExpect(content().string(containsString("usa solo cifre")));
		mvc.perform(post("/account/credit/top-up").param("amount", "49,99")
			.param("method", "BANK")
			.param("billingConfirmed", "true")
			.with(user(reseller))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("sotto la ricarica minima di")));
	}

	private MockHttpServletRequestBuilder confirm(String received, String receivedOn) {
		return post("/admin/top-ups/" + requested.id() + "/confirm").param("received", received)
			.param("receivedOn", receivedOn)
			.param("bankReference", "CRO1")
			.with(user(shop.staff()))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder cancel(String reason) {
		return post("/admin/top-ups/" + requested.id() + "/cancel").param("reason", reason)
			.with(user(shop.staff()))
			.with(csrf());
	}

}
