package it.rivendo.ordering.web;

import static it.rivendo.support.PageSliceData.RESELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.ordering.CheckoutRefusedException;
import it.rivendo.ordering.CheckoutRefusedException.Reason;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.CustomerType;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.MonthlyAllowance;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.ordering.SpendingLimitExceededException;
import it.rivendo.ordering.SpendingLimits;
import it.rivendo.ordering.PaymentResult;
import it.rivendo.shared.Money;
import it.rivendo.support.PageSliceData;
import it.rivendo.support.PageSliceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The checkout form, without a database: messages next to the fields (422), a refusal the
 * reseller can act on, or a redirect to the completed order; the payment gets the
 * normalised billing data and the total the reseller saw.
 */
@PageSliceTest(CheckoutController.class)
class CheckoutControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger credit;

	@MockitoBean
	CheckoutService checkout;

	@MockitoBean
	OrderHistory history;

	@MockitoBean
	ResellerAccounts accounts;

	@MockitoBean
	SpendingLimits limits;

	@MockitoBean
	OrderApprovals approvals;

	@BeforeEach
	void aCartOfOneProductAndACredit() {
		given(carts.view(RESELLER)).willReturn(PageSliceData.cartOf(1, "39.00")); // 47.58
																					// with
		// VAT
		given(credit.balanceOf(7)).willReturn(Money.of("100.00"));
		given(history.addressBook(7)).willReturn(List.of());
	}

	@Test
	void theFormIsPrefilledWithTheResellersOwnDataAndSaysWhatTheCreditLeaves() throws Exception {
		givenTheResellersOwnData();
		mvc.perform(get("/checkout").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Azienda Uno S.r.l.\"")))
			.andExpect(content().string(containsString("47,58\u00a0€")))
			.andExpect(content().string(containsString("resteranno 52,42\u00a0€")));
	}

	@Test
	void anEmptyCartGoesBackToTheCart() throws Exception {
		given(carts.view(RESELLER)).willReturn(CartView.EMPTY);
		mvc.perform(get("/checkout").with(user(RESELLER)))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("error", "checkout.cart.empty"));
	}

	@Test
	void invalidFieldsComeBackWithTheirMessagesAndWhatWasTypedAndNothingIsPaid() throws Exception {
		mvc.perform(form(Map.of("customerType", "PERSON", "firstName", "Mario", "lastName", "Rossi", "taxCode",
				"RSSMRA85T10A562T", "postalCode", "2012", "confirmed", "false")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Alcuni dati non sono validi")))
			.andExpect(content().string(containsString("value=\"RSSMRA85T10A562T\"")))
			.andExpect(content().string(containsString("Codice fiscale non valido")))
			.andExpect(content().string(containsString("aria-describedby=\"taxCode-error\"")))
			.andExpect(content().string(containsString("CAP non valido")))
			.andExpect(content().string(containsString("Conferma che i dati di fatturazione sono corretti")))
			.andExpect(content().string(containsString("value=\"tok-1\"")));
		verify(checkout, never()).pay(any());
	}

	@Test
	void aValidFormPaysWithTheNormalisedDataAndTheTotalSeen() throws Exception {
		given(checkout.pay(any())).willReturn(new PaymentResult("RV-2026-000042", false));
		mvc.perform(form(Map.of("province", "rm", "sdiCode", "m5uxcr1")))
			.andExpect(redirectedUrl("/orders/RV-2026-000042/completed"));
		ArgumentCaptor<PaymentRequest> payment = ArgumentCaptor.forClass(PaymentRequest.class);
		verify(checkout).pay(payment.capture());
		assertThat(payment.getValue().resellerId()).isEqualTo(7);
		assertThat(payment.getValue().checkoutToken()).isEqualTo("tok-1");
		assertThat(payment.getValue().expectedTotal()).isEqualTo(Money.of("47.58"));
		assertThat(payment.getValue().actor()).isEqualTo("buyer@test.it");
		assertThat(payment.getValue().billing().customerType()).isEqualTo(CustomerType.COMPANY);
		assertThat(payment.getValue().billing().province()).isEqualTo("RM");
		assertThat(payment.getValue().billing().sdiCode()).isEqualTo("M5UXCR1");
	}

	@Test
	void notEnoughCreditIsAMessageOnTheSamePage() throws Exception {
		given(checkout.pay(any())).willThrow(new InsufficientCreditException(Money.of("10.00"), Money.of("47.58")));
		mvc.perform(form(Map.of()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Il credito non basta")))
			.andExpect(content().string(not(containsString("Alcuni dati non sono validi"))));
	}

	@Test
	void aTotalChangedMeanwhileIsAConflictShowingTheNewTotal() throws Exception {
		given(checkout.pay(any())).willThrow(new CheckoutRefusedException(Reason.TOTAL_CHANGED, Money.of("47.58")));
		mvc.perform(form(Map.of("expectedTotal", "40.00")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Il totale è cambiato")))
			.andExpect(content().string(containsString("value=\"47.58\"")));
	}

	@Test
	void aCartPaidInAnotherTabRedirectsToTheCart() throws Exception {
		given(checkout.pay(any())).willThrow(new CheckoutRefusedException(Reason.CART_EMPTY, Money.ZERO));
		mvc.perform(form(Map.of())).andExpect(redirectedUrl("/cart?paid-elsewhere"));
	}

	@Test
	void anOperatorSeesWhatIsLeftOfItsMonthlyLimitAndCannotPayATotalAboveIt() throws Exception {
		givenTheResellersOwnData();
		given(limits.allowance(7, RESELLER.userId()))
			.willReturn(Optional.of(new MonthlyAllowance(Money.of("100.00"), Money.of("30.00"))));
		mvc.perform(get("/checkout").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ti restano € 70,00")))
			.andExpect(content().string(not(containsString("Limite mensile superato"))));
		given(limits.allowance(7, RESELLER.userId()))
			.willReturn(Optional.of(new MonthlyAllowance(Money.of("100.00"), Money.of("60.00"))));
		mvc.perform(get("/checkout").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Limite mensile superato: ti restano € 40,00 questo mese")))
			.andExpect(model().attribute("covered", false));
	}

	@Test
	void aPaymentAboveTheMonthlyLimitIsRefusedOnTheSamePageSayingWhatIsLeft() throws Exception {
		given(checkout.pay(any())).willThrow(
				new SpendingLimitExceededException(new MonthlyAllowance(Money.of("100.00"), Money.of("1060.50"))));
		mvc.perform(form(Map.of()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Limite mensile superato: ti restano € 0,00 questo mese")));
		ArgumentCaptor<PaymentRequest> payment = ArgumentCaptor.forClass(PaymentRequest.class);
		verify(checkout).pay(payment.capture());
		assertThat(payment.getValue().placedBy()).isEqualTo(RESELLER.userId());
	}

	private void givenTheResellersOwnData() {
		given(accounts.profile(7))
			.willReturn(Optional.of(new ResellerProfile(7,
					new BillingAddress("Azienda Uno S.r.l.", "00743110157", "00743110157", "Via Roma 1", "20121",
							"Milano", "MI", "IT", "M5UXCR1", null),
					"buyer@test.it", "Referente", Locale.ITALIAN, true)));
	}

	private static MockHttpServletRequestBuilder form(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>(changes);
		return PageSliceData.checkoutForm(RESELLER, fields.getOrDefault("expectedTotal", "47.58"), fields);
	}

}
