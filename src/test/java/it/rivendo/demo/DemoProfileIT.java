package it.rivendo.demo;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.services.Activation;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.EndCustomer;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivationLinks;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The {@code demo} profile, where the simulated card provider and identification provider
 * exist and say so on screen; the login page lists the demo logins. Outside it they do
 * not exist ({@code SimulationsIT}).
 */
@WebIntegrationTest
@ActiveProfiles({ "test", "demo" })
class DemoProfileIT {

	static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	TopUps topUps;

	@Autowired
	CreditLedger ledger;

	@Autowired
	PurchasedServices services;

	@Autowired
	Activation activation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	long resellerId;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "0");
		reseller = shop.userOf(resellerId, "reseller@test.it");
	}

	@Test
	void theSimulatedCardPaymentIsOfferedLabelledAndCreditsOnce() throws Exception {
		mvc.perform(get("/account/credit/top-up").with(user(reseller)))
			.andExpect(content().string(containsString("value=\"CARD\"")))
			.andExpect(content().string(containsString("il pagamento con carta è simulato")));
		String payment = mvc
			.perform(post("/account/credit/top-up").param("amount", "80")
				.param("method", "CARD")
				.param("billingConfirmed", "true")
				.with(user(reseller))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/account/payments/demo/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(payment).with(user(reseller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fornitore di pagamento simulato")));
		for (int click = 0; click < 2; click++) {
			mvc.perform(post(payment).param("outcome", "paid").with(user(reseller)).with(csrf()))
				.andExpect(redirectedUrlPattern("/account/credit?topup=RIC-*"));
		}
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("80.00"));
		// another reseller's payment page is not found
		ShopUser other = shop.userOf(shop.reseller("other@test.it", "BASE", "0"), "other@test.it");
		mvc.perform(get(payment).with(user(other))).andExpect(status().isNotFound());
	}

	@Test
	void aCardCallbackArrivingTwiceOrAtOnceCreditsOnce() throws Exception {
		TopUps.Requested requested = topUps.request(reseller, Money.of("80.00"), PaymentMethod.CARD);
		assertThat(requested.paymentUrl()).startsWith("/account/payments/demo/");
		String providerReference = requested.paymentUrl().substring("/account/payments/demo/".length());

		List<Boolean> credited = Race.run(8, i -> topUps.cardPaid(providerReference));
		assertThat(topUps.cardPaid(providerReference)).isFalse();

		assertThat(credited.stream().filter(done -> done).count()).isEqualTo(1);
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("80.00"));
		assertThat(ledger.sumOfEntries(resellerId)).isEqualTo(Money.of("80.00"));
		assertThat(topUps.cardPaid("unknown")).isFalse();
	}

	@Test
	void theSimulatedIdentificationIsLabelledAndItsAnswerCountsOnce() throws Exception {
		ledger.credit(resellerId, it.rivendo.credit.EntryKind.TOPUP, Money.of("100.00"), "T", "ricarica", "test");
		shop.buy(resellerId, "REMOTA", SPID, 1);
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, "mario@test.it", null, "reseller@test.it");
		String token = OutboxLinks.token(jdbc, "ACTIVATION_LINK", "mario@test.it", "/activate/");
		ActivationLinks.open(mvc, token).andExpect(content().string(containsString("data-testid=\"demo-notice\"")));

		String next = activation.start(token, MARIO);
		assertThat(next).startsWith("/identification/demo/");
		mvc.perform(get(next)).andExpect(content().string(containsString("DEMO.")));
		mvc.perform(post(next).param("outcome", "failure").with(csrf())).andExpect(redirectedUrl(next));
		assertThat(services.view(resellerId, serviceId).status()).isEqualTo(ServiceStatus.ASSOCIATED);
		mvc.perform(post(next).param("outcome", "success").with(csrf())).andExpect(redirectedUrl(next));
		mvc.perform(post(next).param("outcome", "success").with(csrf())).andExpect(redirectedUrl(next)); // twice

		assertThat(services.view(resellerId, serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(count("mail_outbox where kind = 'ACTIVATED_RESELLER'")).isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ACTIVATED_CUSTOMER' and recipient = 'mario@test.it'")).isEqualTo(1);
	}

	@Test
	void theLoginPageListsTheDemoLogins() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(content().string(containsString("bronze@demo.rivendo.it")))
			.andExpect(content().string(containsString("operatore@demo.rivendo.it, contabile@demo.rivendo.it")));
	}

	@Test
	void withLoadDataFalseTheDemoDataIsNotLoaded() {
		// the tests of the demo profile state their own data (DemoDataLoaderIT: with
		// true)
		assertThat(context.getBeanNamesForType(DemoDataLoader.class)).isEmpty();
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}
