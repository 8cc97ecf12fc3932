package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.ApprovalRace;
import it.rivendo.support.TestShop;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An Operatore's cart with a renewal above the Titolare's approval threshold (issue 17)
 * waits for approval like any other: nothing is charged and the service keeps its expiry
 * until a Titolare approves it; then it is paid as the Operatore's order and renews the
 * service exactly as a paid renewal does. Approving a renewal no longer possible (renewed
 * meanwhile by the automatic renewal, its window closed) is refused naming the service; a
 * rejected or expired request leaves nothing. The remote signature costs € 47,58 with
 * VAT; the threshold is € 30,00.
 */
class RenewalApprovalsIT extends RenewalTest {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	@Autowired
	OrderApprovals approvals;

	@Autowired
	AutoRenewals autoRenewals;

	long reseller;

	ShopUser operator;

	Cookie owner;

	Cookie operatorSession;

	long service;

	Instant oldExpiry;

	Money balance;

	@BeforeEach
	void setUp() throws Exception {
		reseller = activated.remoteSignatureShop().id();
		operator = shop.member(reseller, "operatore@test.it", TeamRole.OPERATOR, null, true);
		owner = TestShop.login(mvc, "owner@test.it");
		operatorSession = TestShop.login(mvc, "operatore@test.it");
		mvc.perform(post("/account/team/approval").param("approvalThreshold", "30,00").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "team.approval.saved"));
		service = activated.buyAndActivate(reseller, "REMOTA", SPID, "mario@test.it");
		clock.advance(ActivatedServices.INTO_THE_WINDOW);
		oldExpiry = services.view(reseller, service).validUntil();
		balance = credit.balanceOf(reseller);
	}

	@Test
	void aRenewalSentForApprovalChargesNothingAndRenewsTheServiceOnceApproved() throws Exception {
		services.addRenewalsToCart(operator, List.of(service));
		mvc.perform(TestShop.checkoutForm("tok-renewal", "47.58").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.requested"));

		long id = requestId();
		assertThat(jdbc.sql("select renews_service_id from order_request_line where request_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(service);
		nothingCharged();
		assertThat(carts.view(operator).isEmpty()).isTrue();
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_REQUESTED' and recipient = 'owner@test.it'"))
			.isEqualTo(1);
		Instant newExpiry = oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant();
		mvc.perform(get("/account/approvals").cookie(owner))
			.andExpect(content().string(containsString(
					"Rinnovo di Prodotto REMOTA per mario@test.it, valido fino al " + DAY.format(newExpiry))));

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.approved"));

		String number = jdbc.sql("select order_number from order_request where id = ? and status = 'APPROVED'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(services.view(reseller, service).validUntil()).isEqualTo(newExpiry.truncatedTo(ChronoUnit.MICROS));
		assertThat(jdbc.sql("select order_number from service_renewal where service_id = ?")
			.param(service)
			.query(String.class)
			.single()).isEqualTo(number);
		assertThat(jdbc.sql("select placed_by_user_id from purchase_order where number = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(operator.userId());
		assertThat(jdbc
			.sql("select l.renews_service_id from order_line l join purchase_order o on o.id = l.order_id "
					+ "where o.number = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(service);
		assertThat(credit.balanceOf(reseller)).isEqualTo(balance.minus(Money.of("47.58")));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(count("purchased_service")).as("a renewal buys no new service").isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
		// approving again renews nothing more
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.decided"));
		assertThat(count("service_renewal")).isEqualTo(1);
	}

	@Test
	void aServiceRenewedMeanwhileByTheAutomaticRenewalIsNamedAndNotRenewedTwice() throws Exception {
		long id = requested();
		services.changeAutoRenew(reseller, service, true, "owner@test.it");
		clock.advance(Duration.ofDays(6)); // into the automatic renewal's last 30 days
		assertThat(autoRenewals.renewDue().renewed()).isEqualTo(1);
		Instant renewedOnce = services.view(reseller, service).validUntil();
		Money afterAutomatic = credit.balanceOf(reseller);

		MvcResult refused = mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("error", "approval.renewal.alreadyRenewed"))
			.andReturn();
		mvc.perform(get("/account/approvals").cookie(owner).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("Il rinnovo di Prodotto REMOTA per mario@test.it (servizio n. "
					+ service + ", scadenza " + DAY.format(oldExpiry) + ") non può essere pagato")));

		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		assertThat(count("service_renewal")).isEqualTo(1);
		assertThat(services.view(reseller, service).validUntil()).isEqualTo(renewedOnce);
		assertThat(credit.balanceOf(reseller)).isEqualTo(afterAutomatic);
		assertThat(count("purchase_order where placed_by_user_id = " + operator.userId())).isZero();
	}

	@Test
	void aRenewalWhoseWindowClosedIsRefusedNamingTheService() throws Exception {
		clock.advance(Duration.ofDays(33)); // two days before the expiry, no grace after
											// it
		long id = requested();
		clock.advance(Duration.ofDays(4)); // past the expiry

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.renewal.renewalClosed"));

		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		nothingCharged();
	}

	@Test
	void twoTitolariApprovingARenewalAtOnceWhileTheJobExpiresItRenewOnceAtMost() throws Exception {
		ShopUser first = shop.owner(reseller);
		ShopUser second = shop.member(reseller, "socio@test.it", TeamRole.OWNER, null, true);
		long id = requested();
		clock.advance(Duration.ofDays(7).minusSeconds(1));

		List<String> outcomes = ApprovalRace.run(approvals, first, second, id);

		String status = jdbc.sql("select status from order_request where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(status).isIn("APPROVED", "EXPIRED");
		boolean approved = "APPROVED".equals(status);
		assertThat(count("service_renewal")).isEqualTo(approved ? 1 : 0);
		assertThat(services.view(reseller, service).validUntil())
			.isEqualTo(approved ? oldExpiry.atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant() : oldExpiry);
		assertThat(credit.balanceOf(reseller)).isEqualTo(approved ? balance.minus(Money.of("47.58")) : balance);
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(ApprovalRace.paid(outcomes)).isEqualTo(approved ? 1 : 0);
	}

	@Test
	void rejectedAndExpiredRenewalRequestsLeaveNothingBehind() throws Exception {
		long rejected = requested();
		mvc.perform(post("/account/approvals/" + rejected + "/reject").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.rejected"));
		nothingCharged();

		requested();
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(approvals.expire()).isEqualTo(1);

		nothingCharged();
		assertThat(count("order_request where status in ('REJECTED', 'EXPIRED')")).isEqualTo(2);
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(2);
	}

	/** The Operatore's cart with the service's renewal, sent for approval. */
	@Test
	void aRenewalAtItsProductsRenewalPriceIsApprovedAtThatPrice() throws Exception {
		shop.catalog().setRenewalPrice("REMOTA", Money.of("30.00")); // 36,60 € with VAT
		services.addRenewalsToCart(operator, List.of(service));
		mvc.perform(TestShop.checkoutForm("tok-renewal-price", "36.60").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		nothingCharged();

		mvc.perform(post("/account/approvals/" + requestId() + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.approved"));

		assertThat(count("service_renewal")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(balance.minus(Money.of("36.60")));
	}

	private long requested() throws Exception {
		services.addRenewalsToCart(operator, List.of(service));
		mvc.perform(TestShop.checkoutForm("tok-" + count("order_request"), "47.58").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		return requestId();
	}

	private long requestId() {
		return jdbc.sql("select max(id) from order_request").query(Long.class).single();
	}

	/** The service keeps its expiry, the credit its balance: no renewal, no order. */
	private void nothingCharged() {
		assertThat(count("service_renewal")).isZero();
		assertThat(services.view(reseller, service).validUntil()).isEqualTo(oldExpiry);
		assertThat(credit.balanceOf(reseller)).isEqualTo(balance);
		assertThat(count("purchase_order")).as("the first purchase only").isEqualTo(1);
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isEqualTo(1);
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
