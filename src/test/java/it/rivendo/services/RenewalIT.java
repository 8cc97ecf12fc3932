package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartView;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Rinnova" (issue #16): a renewal line in the cart, paid like a purchase, renews the
 * service from its old expiry, once, for the same end customer.
 */
class RenewalIT extends RenewalTest {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	@BeforeEach
	void setUp() {
		openRemoteSignatureShop();
		shop.tier("SILVER", "20");
	}

	@Test
	void anEarlyRenewalExtendsFromTheOldExpiryAtTheResellersPriceNowForTheSameCustomer() throws Exception {
		long id = activeService("mario@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		clock.advance(Duration.ofDays(300)); // some 65 days before the expiry
		shop.catalog().placeInTier(reseller, "SILVER", true, "test"); // 20% off now

		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"renew\"")));
		mvc.perform(post("/account/services/" + id + "/renew").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/cart"))
			.andExpect(flash().attribute("success", "services.renew.added"));

		CartView cart = carts.view(shop.owner(reseller));
		assertThat(cart.lines()).singleElement().satisfies(line -> {
			assertThat(line.isRenewal()).isTrue();
			assertThat(line.renewal().serviceId()).isEqualTo(id);
			assertThat(line.quantity()).isEqualTo(1);
			assertThat(line.unitNetPrice()).isEqualTo(Money.of("31.20"));
		});
		Instant newExpiry = oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant();
		String shown = DAY.format(newExpiry);
		mvc.perform(get("/cart").with(user(owner)))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Rinnovo di Prodotto REMOTA per mario@test.it, valido fino al " + shown)));

		String token = UUID.randomUUID().toString();
		mvc.perform(TestShop.checkoutForm(token, "38.06").with(user(owner))).andExpect(status().is3xxRedirection());

		ServiceView renewed = services.view(reseller, id);
		assertThat(renewed.validUntil()).isEqualTo(newExpiry.truncatedTo(ChronoUnit.MICROS));
		assertThat(renewed.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(renewed.customerEmail()).isEqualTo("mario@test.it");
		assertThat(jdbc.sql("select count(*) from purchased_service").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from activation_token where service_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("no second identification").isEqualTo(1);
		assertThat(jdbc.sql("select old_valid_until, new_valid_until, price_net, automatic from service_renewal")
			.query((rs, n) -> List.of(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getBigDecimal(3), rs.getBoolean(4)))
			.single()).containsExactly(oldExpiry.truncatedTo(ChronoUnit.MICROS),
					newExpiry.truncatedTo(ChronoUnit.MICROS), new java.math.BigDecimal("31.20"), false);
		assertThat(services.history(reseller, id)).extracting(ServiceHistoryEntry::kind).contains("RENEWED");
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();
		// the next term's window is not open yet
		assertThat(services.view(reseller, id).canRenew(clock.instant())).isFalse();
	}

	@Test
	void theLedgerAndTheInvoiceCarryTheRenewal() throws Exception {
		long id = activeService("mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		Instant newExpiry = services.view(reseller, id)
			.validUntil()
			.atZone(Formats.SHOP_ZONE)
			.plusMonths(12)
			.toInstant();
		String number = pay(UUID.randomUUID().toString());

		assertThat(jdbc
			.sql("select renews_service_id from order_line l join purchase_order o on o.id = l.order_id "
					+ "where o.number = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(id);
		assertThat(jdbc.sql("select amount from credit_entry where reference = ? and description like 'Rinnovo%'")
			.param(number)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("-47.58");
		assertThat(jdbc.sql("""
				select l.description from invoice_line l join invoice_document d on d.id = l.document_id
				where d.order_number = ? and d.kind = 'INVOICE'""").param(number).query(String.class).single())
			.isEqualTo("Rinnovo Prodotto REMOTA - SPID, per mario@test.it, valido fino al " + DAY.format(newExpiry));
		assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'PURCHASE' and reference = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameCheckoutPostedTwiceRenewsOnce() throws Exception {
		long id = activeService("mario@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		Money before = credit.balanceOf(reseller);
		String token = UUID.randomUUID().toString();

		String first = pay(token);
		String second = pay(token);

		assertThat(second).isEqualTo(first);
		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(services.view(reseller, id).validUntil())
			.isEqualTo(oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));
	}

	@Test
	void twoCheckoutsOfTheSameRenewalAtOnceRenewOnce() throws Exception {
		long id = activeService("mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		Money before = credit.balanceOf(reseller);

		List<String> outcomes = Race.run(2, i -> {
			try {
				return pay(UUID.randomUUID().toString());
			}
			catch (Refusal refused) {
				return refused.messageKey();
			}
		});

		assertThat(outcomes).hasSize(2).filteredOn(outcome -> outcome.matches("\\d{4}-\\d{6}")).hasSize(1);
		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));
	}

	@Test
	void aRenewalPricedForAnExpiryAlreadyRenewedIsRefusedAndNothingIsCharged() throws Exception {
		long id = activeService("mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		services.addRenewalsToCart(shop.owner(reseller), List.of(id));
		CartView stale = carts.view(shop.owner(reseller));
		pay(UUID.randomUUID().toString());
		Money before = credit.balanceOf(reseller);

		assertThatThrownBy(() -> checkout.payPriced(new PaymentRequest(reseller, UUID.randomUUID().toString(),
				TestShop.CUSTOMER, stale.totals().total(), false, "test", shop.owner(reseller).userId()), stale))
			.isInstanceOf(Refusal.class)
			.hasFieldOrPropertyWithValue("messageKey", "service.error.alreadyRenewed");
		assertThat(activated.renewals()).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before);
	}

	@Test
	void anotherResellersServiceIsNotFound() throws Exception {
		long id = activeService("mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		long other = shop.reseller("other@test.it", "BASE", "500.00");

		mvc.perform(
				post("/account/services/" + id + "/renew").with(user(shop.userOf(other, "other@test.it"))).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/account/services/renew").param("service", String.valueOf(id))
			.with(user(shop.userOf(other, "other@test.it")))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(carts.view(shop.owner(other)).isEmpty()).isTrue();
	}

	@Test
	void outsideTheWindowTheRenewalIsRefusedWithAMessage() throws Exception {
		long id = activeService("mario@test.it");

		mvc.perform(post("/account/services/" + id + "/renew").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/account/services/" + id))
			.andExpect(flash().attribute("error", "service.error.renewalNotOpen"));
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-testid=\"renew\""))));

		clock.advance(Duration.ofDays(400)); // past the expiry, no grace days for REMOTA
		mvc.perform(post("/account/services/" + id + "/renew").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/account/services/" + id))
			.andExpect(flash().attribute("error", "service.error.renewalClosed"));
		assertThat(carts.view(shop.owner(reseller)).isEmpty()).isTrue();
	}

	@Test
	void theSelectedServicesOfTheListGoIntoTheCartTogether() throws Exception {
		long first = activeService("mario@test.it");
		long second = activeService("anna@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);

		mvc.perform(get("/account/services").with(user(owner)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Rinnova i selezionati")));
		mvc.perform(post("/account/services/renew").with(user(owner)).with(csrf()))
			.andExpect(redirectedUrl("/account/services"))
			.andExpect(flash().attribute("error", "services.renew.noneSelected"));
		mvc.perform(post("/account/services/renew").param("service", String.valueOf(first), String.valueOf(second))
			.with(user(owner))
			.with(csrf())).andExpect(redirectedUrl("/cart"));
		// pressing it again changes nothing: each service is in the cart once
		services.addRenewalsToCart(shop.owner(reseller), List.of(first));

		assertThat(carts.view(shop.owner(reseller)).lines()).extracting(line -> line.renewal().serviceId())
			.containsExactlyInAnyOrder(first, second);
		pay(UUID.randomUUID().toString());
		assertThat(activated.renewals()).isEqualTo(2);
	}

	private String pay(String token) {
		return checkout
			.pay(new PaymentRequest(reseller, token, TestShop.CUSTOMER,
					carts.view(shop.owner(reseller)).totals().total(), false, "test", shop.owner(reseller).userId()))
			.orderNumber();
	}

	private long activeService(String email) {
		return activated.buyAndActivate(reseller, "REMOTA", SPID, email);
	}

}
