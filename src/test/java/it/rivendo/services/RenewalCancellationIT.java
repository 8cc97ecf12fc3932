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

import it.rivendo.ordering.OrderCancellation;
import it.rivendo.ordering.OrderCancelled;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.ActivatedServices;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff cancel a renewal order (issue #16): the money goes back and so does the term,
 * once; a renewal with another renewal on top cannot be cancelled before that one.
 */
class RenewalCancellationIT extends RenewalTest {

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	AutoRenewals autoRenewals;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void setUp() {
		openRemoteSignatureShop();
	}

	@Test
	void cancellingTheRenewalOrderPutsTheExpiryBackRefundsAndSaysSoOnce() throws Exception {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		Money before = credit.balanceOf(reseller);
		String order = renew(id);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before.minus(Money.of("47.58")));

		mvc.perform(post("/admin/orders/" + order + "/cancel").param("reason", "Rinnovo non voluto")
			.with(user(shop.staff()))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/orders/" + order))
			.andExpect(flash().attribute("success", "admin.order.cancelled"));

		ServiceView service = services.view(reseller, id);
		assertThat(service.validUntil()).isEqualTo(oldExpiry);
		assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before);
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from service_renewal where cancelled_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(services.history(reseller, id)).filteredOn(entry -> entry.kind().equals("RENEWAL_CANCELLED"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.detail()).contains(order).contains("Rinnovo non voluto"));
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(Matchers.containsString("Rinnovo annullato")));
		long historyBefore = history(id);

		replayCancellation(order);

		assertThat(services.view(reseller, id).validUntil()).isEqualTo(oldExpiry);
		assertThat(history(id)).isEqualTo(historyBefore);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before);

		// the term can be renewed again, by a new order
		renew(id);
		assertThat(services.view(reseller, id).validUntil())
			.isEqualTo(oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void whenTheOldDateHasPassedTheTermEnds() {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		String order = renew(id);
		clock.advance(Duration.ofDays(40)); // past the old expiry, before the new one

		cancellation.cancel(order, "Pagato per errore", "staff@test.it");

		ServiceView service = services.view(reseller, id);
		assertThat(service.validUntil()).isEqualTo(oldExpiry);
		assertThat(service.status()).isEqualTo(ServiceStatus.TERM_ENDED);
		assertThat(services.history(reseller, id)).extracting(ServiceHistoryEntry::kind)
			.containsSubsequence("TERM_ENDED", "RENEWAL_CANCELLED", "RENEWED"); // newest
																				// first
	}

	@Test
	void aRenewalWithALaterRenewalOnTopIsRefusedUntilThatOneIsCancelled() throws Exception {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		Money start = credit.balanceOf(reseller);
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		String first = renew(id);
		clock.advance(ActivatedServices.INTO_THE_WINDOW); // inside the next term's window
		String second = renew(id);
		Instant twiceRenewed = services.view(reseller, id).validUntil();
		Money before = credit.balanceOf(reseller);

		mvc.perform(post("/admin/orders/" + first + "/cancel").param("reason", "Errore")
			.with(user(shop.staff()))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/orders/" + first))
			.andExpect(flash().attribute("error", "service.error.renewedSince"));
		assertThatThrownBy(() -> cancellation.cancel(first, "Errore", "staff@test.it")).isInstanceOfSatisfying(
				Refusal.class, refusal -> assertThat(refusal.arguments()).containsExactly(String.valueOf(id), second));

		assertThat(services.view(reseller, id).validUntil()).isEqualTo(twiceRenewed);
		assertThat(credit.balanceOf(reseller)).isEqualTo(before);
		assertThat(status(first)).isEqualTo("PAID");
		assertThat(jdbc.sql("select count(*) from service_renewal where cancelled_at is not null")
			.query(Long.class)
			.single()).isZero();

		cancellation.cancel(second, "Errore", "staff@test.it");
		cancellation.cancel(first, "Errore", "staff@test.it");

		assertThat(services.view(reseller, id).validUntil()).isEqualTo(oldExpiry);
		assertThat(services.view(reseller, id).status()).isEqualTo(ServiceStatus.TERM_ENDED);
		assertThat(credit.balanceOf(reseller)).isEqualTo(start);
	}

	@Test
	void cancellingAnAutomaticRenewalTurnsItOffAndTurnedOnAgainItRenewsOnceMore() {
		long id = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		Instant oldExpiry = services.view(reseller, id).validUntil();
		activated.moveTo(oldExpiry.minus(Duration.ofDays(30)));
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);
		String order = jdbc.sql("select order_number from service_renewal").query(String.class).single();

		cancellation.cancel(order, "Il cliente non rinnova", "staff@test.it");

		assertThat(services.view(reseller, id).validUntil()).isEqualTo(oldExpiry);
		assertThat(services.view(reseller, id).autoRenew()).isFalse();
		assertThat(services.history(reseller, id)).extracting(ServiceHistoryEntry::kind)
			.containsSubsequence("AUTO_RENEW_OFF", "RENEWAL_CANCELLED", "RENEWED"); // newest
																					// first
		clock.advance(Duration.ofDays(1));
		assertThat(autoRenewals.renewDue().renewed()).isZero();

		services.changeAutoRenew(reseller, id, true, "owner@test.it");
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);
		assertThat(services.view(reseller, id).validUntil())
			.isEqualTo(oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));
		assertThat(
				jdbc.sql("select count(*) from service_renewal where cancelled_at is null").query(Long.class).single())
			.isEqualTo(1);
	}

	private String renew(long id) {
		return activated.renew(reseller, id);
	}

	private void replayCancellation(String order) {
		long orderId = jdbc.sql("select id from purchase_order where number = ?")
			.param(order)
			.query(Long.class)
			.single();
		transactions.executeWithoutResult(status -> events.publishEvent(new OrderCancelled(orderId, order, reseller,
				Money.of("47.58"), "Rinnovo non voluto", "staff@test.it", clock.instant())));
	}

	private String status(String order) {
		return jdbc.sql("select status from purchase_order where number = ?").param(order).query(String.class).single();
	}

	private long history(long id) {
		return jdbc.sql("select count(*) from service_event where service_id = ?").param(id).query(Long.class).single();
	}

}
