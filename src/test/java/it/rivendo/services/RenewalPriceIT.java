package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartView;
import it.rivendo.catalog.Catalog;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.Outbox;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A product's renewal price (issue 16): renewing one of its services costs the renewal
 * price less the reseller's discount, whatever the mode, in the cart, at checkout, on the
 * invoice, in the ledger and in the purchase e-mail, and so does the automatic renewal; a
 * purchase of the same product stays at its purchase price. REMOTA is sold at 39,00 €
 * with SPID and renewed at 25,00 €.
 */
class RenewalPriceIT extends RenewalTest {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	@Autowired
	Catalog catalog;

	@Autowired
	ScheduledJobs jobs;

	@BeforeEach
	void setUp() {
		openRemoteSignatureShop();
		shop.tier("SILVER", "20");
		shop.catalog().setRenewalPrice("REMOTA", Money.of("25.00"));
	}

	@Test
	void aRenewalCostsTheRenewalPriceLessTheTierDiscountFromTheCartToTheEmail() throws Exception {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		Instant newExpiry = services.view(reseller, id)
			.validUntil()
			.atZone(Formats.SHOP_ZONE)
			.plusMonths(12)
			.toInstant();
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		shop.catalog().placeInTier(reseller, "SILVER", true, "test"); // 20% off
		Money before = credit.balanceOf(reseller);

		mvc.perform(post("/account/services/" + id + "/renew").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/cart"));

		// 25.00 less 20% = 20.00; VAT 22% 4.40
		assertThat(carts.view(owner).lines()).singleElement().satisfies(line -> {
			assertThat(line.unitListPrice()).isEqualTo(Money.of("25.00"));
			assertThat(line.discountPercent()).isEqualByComparingTo("20");
			assertThat(line.unitNetPrice()).isEqualTo(Money.of("20.00"));
			assertThat(line.priceChanged()).isFalse();
		});
		mvc.perform(get("/cart").with(user(owner)))
			.andExpect(content()
				.string(containsString("data-testid=\"unit-net\" data-label=\"Prezzo unitario\">20,00\u00a0€<")));
		mvc.perform(TestShop.checkoutForm("renewal-at-its-price", "24.40").with(user(owner)))
			.andExpect(status().is3xxRedirection());

		String number = jdbc.sql("select order_number from service_renewal where service_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("""
				select l.unit_list_price, l.unit_net_price from order_line l join purchase_order o on o.id = l.order_id
				where o.number = ?""")
			.param(number)
			.query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.single()).containsExactly(new BigDecimal("25.00"), new BigDecimal("20.00"));
		assertThat(jdbc.sql("select price_net from service_renewal where service_id = ?")
			.param(id)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("20.00");
		assertThat(jdbc.sql("""
				select l.unit_price, l.description from invoice_line l join invoice_document d on d.id = l.document_id
				where d.order_number = ? and d.kind = 'INVOICE'""")
			.param(number)
			.query((rs, n) -> List.of(rs.getBigDecimal(1).toPlainString(), rs.getString(2)))
			.single()).containsExactly("20.00",
					"Rinnovo Prodotto REMOTA - SPID, per mario@test.it, valido fino al " + DAY.format(newExpiry));
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("24.40")));
		assertThat(jdbc.sql("select amount from credit_entry where reference = ?")
			.param(number)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("-24.40");

		// the purchase e-mail of a renewal: which service, for whom, until when, what it
		// cost; no activation to do
		String mail = Outbox.text(jdbc, "PURCHASE", number);
		assertThat(mail).contains("riepilogo dell'ordine " + number)
			.contains("- 1 x Prodotto REMOTA (SPID): 20,00\u00a0€")
			.contains("Rinnovo per mario@test.it, valido fino al " + DAY.format(newExpiry))
			.contains("Totale pagato: 24,40\u00a0€")
			.doesNotContain("Come attivare");
	}

	@Test
	void aPurchaseOfTheSameProductInTheSameCartStaysAtItsPurchasePrice() throws Exception {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		carts.add(owner, "REMOTA", SPID, 2);
		services.addRenewalsToCart(owner, List.of(id));

		CartView cart = carts.view(owner);
		assertThat(cart.lines()).extracting(CartView.Line::isRenewal, CartView.Line::unitNetPrice)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(false, Money.of("39.00")),
					org.assertj.core.groups.Tuple.tuple(true, Money.of("25.00")));
		assertThat(cart.totals().taxable()).isEqualTo(Money.of("103.00")); // 2 × 39 + 25
	}

	@Test
	void theResellersOwnDiscountOnTheProductAppliesToTheRenewalPriceAsToThePurchase() {
		shop.catalog().overrideForReseller(reseller, "REMOTA", new BigDecimal("50.00"));

		assertThat(catalog.renewalQuote(reseller, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("12.50"));
		assertThat(catalog.quote(reseller, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("19.50"));
	}

	@Test
	void theProductPageSaysWhatARenewalCostsTheReseller() throws Exception {
		shop.catalog().placeInTier(reseller, "SILVER", true, "test");
		mvc.perform(get("/products/REMOTA").with(user(owner)))
			.andExpect(content().string(containsString("Rinnovo: il tuo prezzo 20,00\u00a0€, IVA esclusa")));
		// the reseller's own discount on the product: the page says what renewing costs
		shop.catalog().overrideForReseller(reseller, "REMOTA", new BigDecimal("50.00"));
		assertThat(catalog.renewalQuote(reseller, "REMOTA", SPID).netPrice()).isEqualTo(Money.of("12.50"));
		mvc.perform(get("/products/REMOTA").with(user(owner)))
			.andExpect(content().string(containsString("Rinnovo: il tuo prezzo 12,50\u00a0€, IVA esclusa")));
		shop.catalog().setRenewalPrice("REMOTA", null);
		mvc.perform(get("/products/REMOTA").with(user(owner)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-testid=\"renewal-price\""))));
	}

	@Test
	void aRenewalPriceChangedByStaffIsTheCartsNewPriceAndSaidSo() {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		services.addRenewalsToCart(owner, List.of(id));

		shop.catalog().setRenewalPrice("REMOTA", Money.of("22.00"));

		assertThat(carts.view(owner).lines()).singleElement().satisfies(line -> {
			assertThat(line.unitNetPrice()).isEqualTo(Money.of("22.00"));
			assertThat(line.priceChanged()).isTrue();
		});
		shop.catalog().setRenewalPrice("REMOTA", null); // back to the purchase price
		assertThat(carts.view(owner).lines().get(0).unitNetPrice()).isEqualTo(Money.of("39.00"));
	}

	@Test
	void theAutomaticRenewalPaysTheRenewalPrice() {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		Instant expiry = services.view(reseller, id).validUntil();
		Money before = credit.balanceOf(reseller);

		activated.moveTo(expiry.minus(Duration.ofDays(30)));
		assertThat(jobs.runNow("AutoRenewals.run")).isTrue();

		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("30.50"))); // 25.00
																							// +
																							// 22%
		assertThat(jdbc.sql("select price_net from service_renewal where service_id = ?")
			.param(id)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("25.00");
	}

}
