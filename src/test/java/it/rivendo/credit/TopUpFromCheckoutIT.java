package it.rivendo.credit;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * From a cart the credit does not cover to the top-up and back (issue 21): the cart says
 * what is missing, the top-up is pre-filled with it (at least the minimum), a demo card
 * payment returns to checkout with the cart as it was and one e-mail, a bank transfer
 * says when checkout becomes payable; only known pages are returned to.
 */
@WebIntegrationTest
@ActiveProfiles({ "test", "demo" })
class TopUpFromCheckoutIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TopUps topUps;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "10.00");
		reseller = shop.userOf(resellerId, "reseller@test.it");
	}

	@Test
	void theCartSaysWhatIsMissingAndTheTopUpIsPrefilledWithIt() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 3); // 3 x 39.00 + 22% = 142.74,
																// 132.74
		// missing
		mvc.perform(get("/cart").with(user(reseller)))
			.andExpect(content().string(containsString("mancano 132,74")))
			.andExpect(content().string(containsString("/account/credit/top-up?amount=132.74&amp;returnTo=checkout")));
		mvc.perform(get("/checkout").with(user(reseller)))
			.andExpect(content().string(containsString("/account/credit/top-up?amount=132.74&amp;returnTo=checkout")));
		mvc.perform(get("/account/credit/top-up").param("amount", "132.74")
			.param("returnTo", "checkout")
			.with(user(reseller)))
			.andExpect(content().string(containsString("value=\"132,74\""))) // as typed
																				// in
																				// Italian
			.andExpect(content().string(containsString("name=\"returnTo\" value=\"checkout\"")));
		mvc.perform(get("/account/credit/top-up").param("amount", "132.74").param("lang", "en").with(user(reseller)))
			.andExpect(content().string(containsString("value=\"132.74\""))); // and in
																				// English
		// less than the minimum: the minimum
		mvc.perform(get("/account/credit/top-up").param("amount", "7.58").with(user(reseller)))
			.andExpect(content().string(
					containsString("value=\"" + topUps.minimum().amount().toPlainString().replace('.', ',') + "\"")));
		// not an amount: an empty field
		mvc.perform(get("/account/credit/top-up").param("amount", "1e9").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"1e9\""))));
	}

	@Test
	void aForeignReturnIsIgnored() throws Exception {
		mvc.perform(get("/account/credit/top-up").param("returnTo", "https://evil.example").with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"returnTo\""))));
		String payment = mvc.perform(topUp("CARD").param("returnTo", "//evil.example"))
			.andExpect(redirectedUrlPattern("/account/payments/demo/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(payment).doesNotContain("evil").doesNotContain("?");
		mvc.perform(get(payment).param("returnTo", "https://evil.example").with(user(reseller)))
			.andExpect(content().string(not(containsString("name=\"returnTo\""))));
		mvc.perform(post(payment).param("outcome", "paid")
			.param("returnTo", "https://evil.example")
			.with(user(reseller))
			.with(csrf())).andExpect(redirectedUrlPattern("/account/credit?topup=RIC-*"));
	}

	@Test
	void aCardTopUpFromCheckoutReturnsThereWithTheCartAndOneEmail() throws Exception {
		carts.add(shop.owner(resellerId), "REMOTA", SPID, 1); // 47.58
		String payment = mvc.perform(topUp("CARD").param("returnTo", "checkout"))
			.andExpect(redirectedUrlPattern("/account/payments/demo/*?returnTo=checkout"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(payment).with(user(reseller)))
			.andExpect(content().string(containsString("name=\"returnTo\" value=\"checkout\"")));
		// the page's forms post without the query, returnTo as a field
		String form = payment.substring(0, payment.indexOf('?'));
		mvc.perform(post(form).param("outcome", "paid").param("returnTo", "checkout").with(user(reseller)).with(csrf()))
			.andExpect(redirectedUrl("/checkout"))
			.andExpect(flash().attribute("success", "topup.card.paidReturn"));
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("70.00"));
		assertThat(carts.view(shop.owner(resellerId)).lines()).hasSize(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where kind like 'TOPUP%'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'TOPUP_CREDITED'")
			.query(String.class)
			.single()).contains("Abbiamo ricevuto il pagamento").contains("Credito disponibile: 70,00");
		mvc.perform(get("/checkout").with(user(reseller)))
			.andExpect(content().string(containsString("Il credito copre")))
			.andExpect(content().string(not(containsString("data-testid=\"credit-missing\""))));
	}

	@Test
	void aBankTransferFromCheckoutSaysWhenCheckoutIsPayable() throws Exception {
		String details = mvc.perform(topUp("BANK").param("returnTo", "checkout"))
			.andExpect(redirectedUrlPattern("/account/credit/top-ups/RIC-*?returnTo=checkout"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(details).with(user(reseller)))
			.andExpect(content().string(containsString("appena il bonifico sarà accreditato")));
	}

	private MockHttpServletRequestBuilder topUp(String method) {
		return post("/account/credit/top-up").param("amount", "60")
			.param("method", method)
			.param("billingConfirmed", "true")
			.with(user(reseller))
			.with(csrf());
	}

}
