package it.rivendo.catalog;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pricing against the real database: tiers, overrides, rounding, prices per mode. */
@IntegrationTest
class CatalogIT {

	@Autowired
	Catalog catalog;

	@Autowired
	TestShop shop;

	long silver;

	long gold;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "20").tier("GOLD", "30").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00", CIE, "39.00", VIDEO, "49.00");
		shop.product("SPIDP", "FIRMA", CIE, "14.90");
		silver = shop.reseller("silver@test.it", "SILVER", "100.00");
		gold = shop.reseller("gold@test.it", "GOLD", "100.00");
	}

	@Test
	void tierDiscountApplies() {
		PriceQuote quote = catalog.quote(silver, "REMOTA", SPID);
		assertThat(quote.listPrice()).isEqualTo(Money.of("39.00"));
		assertThat(quote.discountPercent()).isEqualByComparingTo("20");
		assertThat(quote.netPrice()).isEqualTo(Money.of("31.20"));
	}

	@Test
	void priceDependsOnTheMode() {
		assertThat(catalog.quote(silver, "REMOTA", VIDEO).netPrice()).isEqualTo(Money.of("39.20"));
		assertThat(catalog.quote(silver, "REMOTA", CIE).netPrice()).isEqualTo(Money.of("31.20"));
	}

	@Test
	void roundsHalfUpToTheCent() {
		shop.catalog().overrideForReseller(silver, "SPIDP", new BigDecimal("25.00"));
		// 14.90 x 0.75 = 11.175
		assertThat(catalog.quote(silver, "SPIDP", CIE).netPrice()).isEqualTo(Money.of("11.18"));
	}

	@Test
	void tierOverrideBeatsTierAndResellerOverrideBeatsBoth() {
		shop.catalog().overrideForTier("GOLD", "REMOTA", new BigDecimal("15.00"));
		assertThat(catalog.quote(gold, "REMOTA", SPID).discountPercent()).isEqualByComparingTo("15");
		assertThat(catalog.quote(gold, "SPIDP", CIE).discountPercent()).isEqualByComparingTo("30");
		shop.catalog().overrideForReseller(gold, "REMOTA", new BigDecimal("35.00"));
		assertThat(catalog.quote(gold, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("25.35"));
		// another reseller of the same tier keeps the tier's override
		long otherGold = shop.reseller("gold2@test.it", "GOLD", "0");
		assertThat(catalog.quote(otherGold, "REMOTA", SPID).discountPercent()).isEqualByComparingTo("15");
	}

	@Test
	void offerHasARowPerProductAndMode() {
		assertThat(catalog.offerFor(silver, "", null)).extracting(PriceQuote::productCode, PriceQuote::mode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("REMOTA", SPID),
					org.assertj.core.groups.Tuple.tuple("REMOTA", CIE),
					org.assertj.core.groups.Tuple.tuple("REMOTA", VIDEO),
					org.assertj.core.groups.Tuple.tuple("SPIDP", CIE));
		assertThat(catalog.offerFor(silver, "spidp", null)).hasSize(1);
		assertThat(catalog.offerFor(silver, "", "NOPE")).isEmpty();
	}

	@Test
	void theOfferComesByProductWithItsModesInOrder() {
		OfferPage offer = catalog.offerPage(silver, "", null, 0, 20);
		assertThat(offer.total()).isEqualTo(2);
		assertThat(offer.products()).extracting(ProductOffer::code, ProductOffer::suggested)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("REMOTA", SPID),
					org.assertj.core.groups.Tuple.tuple("SPIDP", CIE));
		assertThat(offer.products().get(0).quotes()).extracting(PriceQuote::mode, PriceQuote::netPrice)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(SPID, Money.of("31.20")),
					org.assertj.core.groups.Tuple.tuple(CIE, Money.of("31.20")),
					org.assertj.core.groups.Tuple.tuple(VIDEO, Money.of("39.20")));
		// a page of one product holds all of its modes
		OfferPage second = catalog.offerPage(silver, "", null, 1, 1);
		assertThat(second.pages()).isEqualTo(2);
		assertThat(second.products()).singleElement().extracting(ProductOffer::code).isEqualTo("SPIDP");
	}

	@Test
	void aSearchMatchesEachWordInTheNameTheFamilyOrAMode() {
		// "Prodotto REMOTA" in "Famiglia FIRMA", with SPID among its modes: SPID is
		// offered
		// first
		assertThat(catalog.offerPage(silver, "prodotto  Remota spid", null, 0, 20).products())
			.extracting(ProductOffer::code, ProductOffer::suggested)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("REMOTA", SPID));
		// a mode by its Italian or English name
		assertThat(catalog.offerPage(silver, "remota video", null, 0, 20).products())
			.extracting(ProductOffer::suggested)
			.containsExactly(VIDEO);
		assertThat(catalog.offerPage(silver, "electronic identity", null, 0, 20).products())
			.extracting(ProductOffer::code)
			.containsExactly("REMOTA", "SPIDP");
		// the family's name
		assertThat(catalog.offerPage(silver, "famiglia firma", null, 0, 20).total()).isEqualTo(2);
		// every word must match: SPIDP is not identified by video, REMOTA not in person
		assertThat(catalog.offerPage(silver, "spidp video", null, 0, 20).products()).isEmpty();
		assertThat(catalog.offerPage(silver, "remota persona", null, 0, 20).products()).isEmpty();
	}

	@Test
	void refusesModesTheProductDoesNotAllowAndUnknownProducts() {
		assertThatThrownBy(() -> catalog.quote(silver, "SPIDP", SPID)).isInstanceOf(ModeNotAvailableException.class);
		assertThatThrownBy(() -> catalog.quote(silver, "NOPE", SPID)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void withdrawnProductsAreNotOnSale() {
		shop.catalog().withdraw("SPIDP");
		assertThat(catalog.offerFor(silver, "", null)).extracting(PriceQuote::productCode).doesNotContain("SPIDP");
		assertThatThrownBy(() -> catalog.quote(silver, "SPIDP", CIE)).isInstanceOf(NotFoundException.class);
	}

}
