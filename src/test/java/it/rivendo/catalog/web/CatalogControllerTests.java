package it.rivendo.catalog.web;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.support.PageSliceData.RESELLER;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.DiscountTierInfo;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.OfferPage;
import it.rivendo.catalog.ProductOffer;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ProductPage;
import it.rivendo.catalog.TierRules;
import it.rivendo.catalog.TierStatus;
import it.rivendo.support.PageSliceTest;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalog and a product page, without a database: the reseller's own prices, search
 * and the chosen mode.
 */
@PageSliceTest(CatalogController.class)
class CatalogControllerTests {

	static final LocalizedText SILVER = new LocalizedText("Argento", "Silver");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@MockitoBean
	TierRules tiers;

	@BeforeEach
	void aSilverReseller() {
		given(catalog.tierOf(7))
			.willReturn(new DiscountTierInfo("SILVER", SILVER, new BigDecimal("20"), Instant.EPOCH));
		given(tiers.statusOf(7)).willReturn(new TierStatus("SILVER", SILVER, new BigDecimal("20"), Instant.EPOCH, false,
				null, Money.of("1000.00"), null, null));
	}

	@Test
	void theCatalogShowsListAndDiscountedPricesOfThisReseller() throws Exception {
		given(catalog.offerPage(7, "", null, 0, CatalogController.PAGE_PRODUCTS))
			.willReturn(
					new OfferPage(
							List.of(new ProductOffer(1, "REMOTA", name(), "FIRMA",
									new LocalizedText("Firma", "Signature"), List.of(quote(SPID), quote(CIE)), CIE)),
							1, 0, 1));
		mvc.perform(get("/catalog").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Firma remota")))
			.andExpect(content().string(containsString("39,00\u00a0€")))
			.andExpect(content().string(containsString("31,20\u00a0€")))
			.andExpect(content().string(containsString("value=\"CIE\" checked=\"checked\"")))
			.andExpect(model().attribute("results", 1));
	}

	@Test
	void aSearchIsTrimmedAndCutAtAHundredCharacters() throws Exception {
		given(catalog.offerPage(anyLong(), anyString(), isNull(), anyInt(), anyInt()))
			.willReturn(new OfferPage(List.of(), 0, 0, 1));
		mvc.perform(get("/catalog").param("q", "  " + "x".repeat(150) + " ").param("page", "2").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("q", "x".repeat(100)));
		verify(catalog).offerPage(eq(7L), eq("x".repeat(100)), isNull(), eq(2), eq(CatalogController.PAGE_PRODUCTS));
	}

	@Test
	void aProductPageOffersItsModesWithTheFirstChosen() throws Exception {
		given(catalog.productPage("REMOTA", 7))
			.willReturn(new ProductPage("REMOTA", name(), new LocalizedText("Descrizione", "Description"),
					new LocalizedText("Firma", "Signature"), "FIRMA", List.of(quote(CIE), quote(SPID))));
		mvc.perform(get("/products/REMOTA").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("selectedMode", CIE))
			.andExpect(content().string(containsString("31,20\u00a0€")));
	}

	@Test
	void aPageNumberThatIsNotANumberIsABadRequestPage() throws Exception {
		mvc.perform(get("/catalog").param("page", "due").with(user(RESELLER))).andExpect(status().isBadRequest());
	}

	private static PriceQuote quote(IdentificationMode mode) {
		return new PriceQuote(1, "REMOTA", name(), "FIRMA", new LocalizedText("Firma", "Signature"), mode,
				Money.of("39.00"), new BigDecimal("20"), Money.of("31.20"), new BigDecimal("22.00"));
	}

	private static LocalizedText name() {
		return new LocalizedText("Firma remota", "Remote signature");
	}

}
