package it.rivendo.cart.web;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.support.PageSliceData.RESELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.credit.CreditLedger;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.PageSliceData;
import it.rivendo.support.PageSliceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cart page and its forms, without a database: each change redirects back with a
 * message (PRG).
 */
@PageSliceTest(CartController.class)
class CartControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger credit;

	@Autowired
	Environment environment;

	@Test
	void theSliceNeitherLooksForNorStartsADatabase() {
		assertThat(environment.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void theCartShowsItsLinesAndTotalsWithVatPerRateAndWhatTheCreditMisses() throws Exception {
		given(carts.view(RESELLER)).willReturn(PageSliceData.cartOf(2, "39.00"));
		given(credit.balanceOf(7)).willReturn(Money.of("45.16"));
		mvc.perform(get("/cart").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prodotto REMOTA")))
			.andExpect(content().string(containsString("78,00\u00a0€")))
			.andExpect(content().string(containsString("95,16\u00a0€")))
			.andExpect(content().string(containsString("mancano 50,00\u00a0€")))
			.andExpect(content().string(containsString("/account/credit/top-up?amount=50.00&amp;returnTo=checkout")));
	}

	@Test
	void theTotalIsShownOnceWithTheCreditBoxSayingOnlyWhatIsMissing() throws Exception {
		given(carts.view(RESELLER)).willReturn(PageSliceData.cartOf(2, "39.00"));
		given(credit.balanceOf(7)).willReturn(Money.of("45.16"));
		String page = mvc.perform(get("/cart").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("95,16\u00a0€", -1)).as("times the total 95,16 € is written").hasSize(2);
		assertThat(page).contains("data-testid=\"total\"")
			.doesNotContain("data-testid=\"checkout-total\"")
			.contains("data-testid=\"credit-missing\"");
	}

	@Test
	void acquistaAddsOneUnitOfTheChosenModeAtTheServersPrice() throws Exception {
		mvc.perform(post("/cart/items").with(user(RESELLER))
			.with(csrf())
			.param("product", "REMOTA")
			.param("mode", "SPID")
			.param("price", "0.01"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("success", "cart.added"));
		verify(carts).add(RESELLER, "REMOTA", SPID, 1);
	}

	@Test
	void aMissingOrForgedModeGoesBackToTheProductPageWithAMessage() throws Exception {
		mvc.perform(post("/cart/items").with(user(RESELLER)).with(csrf()).param("product", "REMOTA"))
			.andExpect(redirectedUrl("/products/REMOTA"))
			.andExpect(flash().attribute("modeError", "cart.mode.missing"));
		mvc.perform(post("/cart/items").with(user(RESELLER))
			.with(csrf())
			.param("product", "REMOTA")
			.param("mode", "PIGEON"))
			.andExpect(redirectedUrl("/products/REMOTA"))
			.andExpect(flash().attribute("modeError", "cart.mode.notAllowed"));
		verify(carts, never()).add(any(), anyString(), any(), anyInt());
	}

	@Test
	void aModeTheProductDoesNotAllowKeepsTheChoiceForThePage() throws Exception {
		willThrow(new ModeNotAvailableException("SPIDP", CIE)).given(carts).add(RESELLER, "SPIDP", CIE, 1);
		mvc.perform(
				post("/cart/items").with(user(RESELLER)).with(csrf()).param("product", "SPIDP").param("mode", "CIE"))
			.andExpect(redirectedUrl("/products/SPIDP"))
			.andExpect(flash().attribute("modeError", "cart.mode.notAllowed"))
			.andExpect(flash().attribute("selectedMode", CIE));
	}

	@Test
	void aFullLineSaysSoOnTheCart() throws Exception {
		willThrow(new Refusal("cart.quantity.full")).given(carts).add(RESELLER, "REMOTA", SPID, 1);
		mvc.perform(
				post("/cart/items").with(user(RESELLER)).with(csrf()).param("product", "REMOTA").param("mode", "SPID"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("error", "cart.quantity.full"));
	}

	@Test
	void aQuantityThatIsNotANumberComesBackAsTypedWithTheRangeMessage() throws Exception {
		mvc.perform(post("/cart/lines/5").with(user(RESELLER)).with(csrf()).param("quantity", "tre"))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("lineErrors", Map.of(5L, "cart.quantity.range")))
			.andExpect(flash().attribute("typedQuantities", Map.of(5L, "tre")));
		verify(carts, never()).changeQuantity(any(), anyLong(), anyInt());

		mvc.perform(post("/cart/lines/5").with(user(RESELLER)).with(csrf()).param("quantity", " 3 "))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("success", "cart.updated"));
		verify(carts).changeQuantity(RESELLER, 5, 3);
	}

	@Test
	void changesNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/cart/items").with(user(RESELLER)).param("product", "REMOTA").param("mode", "SPID"))
			.andExpect(status().isForbidden());
		verify(carts, never()).add(any(), anyString(), any(), anyInt());
	}

}
