package it.rivendo.ordering;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.cart.CartService;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.ApprovalRace;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Approval of an Operatore's orders (issue 17), through the pages: above the Titolare's
 * threshold the checkout sends a request and charges nothing; the Titolare approves it
 * (paid then, with the credit and the Operatore's limit checked) or rejects it; an
 * undecided request expires after 7 days. Rejected and expired ones leave no order, no
 * ledger entry, no service. Each unit of TEN costs € 10.00, VAT-free.
 */
@WebIntegrationTest
class OrderApprovalsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	CartService carts;

	@Autowired
	CreditLedger credit;

	@Autowired
	OrderApprovals approvals;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	long reseller;

	ShopUser operator;

	Cookie owner;

	Cookie operatorSession;

	@BeforeEach
	void setUp() throws Exception {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("TEN", "FIRMA", "0.00", SPID, "10.00");
		reseller = shop.reseller("owner@test.it", "BASE", "1000.00");
		operator = shop.member(reseller, "operatore@test.it", TeamRole.OPERATOR, "100.00", true);
		owner = TestShop.login(mvc, "owner@test.it");
		operatorSession = TestShop.login(mvc, "operatore@test.it");
		mvc.perform(post("/account/team/approval").param("approvalThreshold", "50,00").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/team"))
			.andExpect(flash().attribute("success", "team.approval.saved"));
	}

	@Test
	void aRequestAboveTheThresholdChargesNothingUntilTheTitolareApprovesIt() throws Exception {
		assertThat(jdbc.sql("select approval_threshold from reseller where id = ?")
			.param(reseller)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("50.00");
		carts.add(operator, "TEN", SPID, 6);
		mvc.perform(get("/checkout").cookie(operatorSession))
			.andExpect(content().string(containsString("sarà inviato al Titolare per")))
			.andExpect(content().string(containsString("Invia per approvazione")));

		mvc.perform(TestShop.checkoutForm("tok-request", "60.00").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.requested"));
		// posted twice: still one request
		mvc.perform(TestShop.checkoutForm("tok-request", "60.00").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));

		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		assertThat(count("purchase_order")).isZero();
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("1000.00"));
		assertThat(carts.view(operator).isEmpty()).isTrue();
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_REQUESTED' and recipient = 'owner@test.it'"))
			.isEqualTo(1);
		long id = requestId();
		mvc.perform(get("/account/approvals").cookie(operatorSession))
			.andExpect(content().string(containsString("In attesa")))
			.andExpect(content().string(not(containsString("data-testid=\"approval-approve\""))));
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(operatorSession).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/").cookie(owner)).andExpect(content().string(containsString("Ordini da approvare: 1")));

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.approved"));

		assertThat(jdbc.sql("select placed_by_user_id from purchase_order").query(Long.class).single())
			.isEqualTo(operator.userId());
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("940.00"));
		assertThat(count("purchased_service")).isEqualTo(6);
		assertThat(jdbc
			.sql("select o.number = r.order_number from order_request r, purchase_order o "
					+ "where r.status = 'APPROVED'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
		mvc.perform(get("/account/approvals").cookie(operatorSession))
			.andExpect(content().string(containsString("Approvata")));
		// approving again pays nothing more
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.decided"));
		assertThat(count("purchase_order")).isEqualTo(1);
	}

	@Test
	void underTheThresholdTheOperatorPaysAndTheTitolareNeverWaits() throws Exception {
		carts.add(operator, "TEN", SPID, 5);
		mvc.perform(TestShop.checkoutForm("tok-direct", "50.00").cookie(operatorSession))
			.andExpect(status().is3xxRedirection());
		carts.add(shop.owner(reseller), "TEN", SPID, 9);
		mvc.perform(TestShop.checkoutForm("tok-owner", "90.00").cookie(owner)).andExpect(status().is3xxRedirection());
		assertThat(count("purchase_order")).isEqualTo(2);
		assertThat(count("order_request")).isZero();
	}

	@Test
	void twoTitolariApprovingAtOnceWhileTheJobExpiresPayOnce() throws Exception {
		ShopUser first = shop.owner(reseller);
		ShopUser second = shop.member(reseller, "socio@test.it", TeamRole.OWNER, null, true);
		long id = requested(6);
		clock.advance(Duration.ofDays(7).minusSeconds(1));

		List<String> outcomes = ApprovalRace.run(approvals, first, second, id);

		String status = jdbc.sql("select status from order_request where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(status).isIn("APPROVED", "EXPIRED");
		assertThat(count("purchase_order")).isEqualTo("APPROVED".equals(status) ? 1 : 0);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("APPROVED".equals(status) ? "940.00" : "1000.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(ApprovalRace.paid(outcomes)).isEqualTo("APPROVED".equals(status) ? 1 : 0);
	}

	@Test
	void twoExpiryJobsFindingTheSameRequestDueExpireItOnce() throws Exception {
		long id = requested(6);
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		List<Integer> expired;
		ExecutorService jobs = Executors.newFixedThreadPool(2);
		try (RowLock held = new RowLock(id)) {
			Future<Integer> first = jobs.submit(approvals::expire);
			Future<Integer> second = jobs.submit(approvals::expire);
			held.waitForWaiters(2);
			held.release();
			expired = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
		}
		finally {
			jobs.shutdownNow();
		}

		assertThat(expired).containsExactlyInAnyOrder(1, 0);
		assertThat(count("order_request where status = 'EXPIRED'")).isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
		nothingCharged();
	}

	@Test
	void anApprovalCommittingWhileTheJobWaitsForTheRequestStaysPaid() throws Exception {
		ShopUser titolare = shop.owner(reseller);
		long id = requested(6);
		clock.advance(Duration.ofDays(7).minusMinutes(1));
		String number;
		int expired;
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try (RowLock held = new RowLock(id)) {
			Future<String> approval = threads.submit(() -> approvals.approve(titolare, id));
			held.waitForWaiters(1);
			// the job finds it due, while the approval, first in line, is in time
			clock.advance(Duration.ofMinutes(2));
			Future<Integer> job = threads.submit(approvals::expire);
			held.waitForWaiters(2);
			clock.advance(Duration.ofMinutes(-2));
			held.release();
			number = approval.get(30, TimeUnit.SECONDS);
			expired = job.get(30, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(expired).isZero();
		assertThat(jdbc.sql("select status || ' ' || coalesce(order_number, '-') from order_request where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("APPROVED " + number);
		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("940.00"));
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
	}

	@Test
	void aWaitingRequestOlderThanAHundredDecidedOnesIsStillListed() throws Exception {
		long id = requested(6);
		jdbc.sql(
				"""
						insert into order_request (reseller_id, requested_by_user_id, checkout_token, status, taxable_amount,
						    vat_amount, total_amount, customer_type, company_name, first_name, last_name, vat_number, tax_code,
						    street, postal_code, city, province, country, sdi_code, pec, split_payment, created_at, expires_at,
						    decided_at, decided_by)
						select reseller_id, requested_by_user_id, 'later-' || n, 'REJECTED', taxable_amount, vat_amount,
						    total_amount, customer_type, company_name, first_name, last_name, vat_number, tax_code, street,
						    postal_code, city, province, country, sdi_code, pec, split_payment, created_at + n * interval '1 minute',
						    expires_at, created_at + n * interval '1 minute', 'owner@test.it'
						from order_request, generate_series(1, 100) n where id = ?""")
			.param(id)
			.update();

		mvc.perform(get("/account/approvals").cookie(owner))
			.andExpect(content().string(containsString("/account/approvals/" + id + "/approve")));
		mvc.perform(get("/account/approvals").cookie(operatorSession))
			.andExpect(content().string(containsString("data-request=\"" + id + "\"")));
	}

	@Test
	void savingTheCustomerTickedOnARequestSavesItWhenApproved() throws Exception {
		carts.add(operator, "TEN", SPID, 6);
		mvc.perform(TestShop.checkoutForm("tok-save", "60.00").param("saveCustomer", "true").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		assertThat(count("billing_customer")).isZero();

		mvc.perform(post("/account/approvals/" + requestId() + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.approved"));

		assertThat(count("purchase_order")).isEqualTo(1);
		assertThat(count("billing_customer where reseller_id = " + reseller
				+ " and company_name = 'Cliente Finale S.r.l.' and vat_number = '01114601006'"))
			.isEqualTo(1);
	}

	@Test
	void anApprovalAfterThePriceChangedOrTheProductWasWithdrawnIsRefusedAndPaysNothing() throws Exception {
		long id = requested(6);
		jdbc.sql(
				"update product_price set list_price = 12 where product_id = (select id from product where code = 'TEN')")
			.update();

		var refused = mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("error", "approval.priceChanged"))
			.andReturn();
		mvc.perform(get("/account/approvals").cookie(owner).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("oggi costerebbe € 72,00")));
		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		nothingCharged();

		jdbc.sql("update product set active = false where code = 'TEN'").update();
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.unavailable"));
		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		nothingCharged();
	}

	@Test
	void aRejectedRequestLeavesNothingButItself() throws Exception {
		long id = requested(6);

		mvc.perform(post("/account/approvals/" + id + "/reject").param("reason", "Non serve più")
			.cookie(owner)
			.with(csrf())).andExpect(flash().attribute("success", "approval.rejected"));

		assertThat(count("order_request where status = 'REJECTED' and reason = 'Non serve più'")).isEqualTo(1);
		nothingCharged();
		mvc.perform(get("/account/approvals").cookie(operatorSession))
			.andExpect(content().string(containsString("Rifiutata")))
			.andExpect(content().string(containsString("Non serve più")));
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
	}

	@Test
	void anApprovalThatWouldPassTheOperatorsLimitIsRefusedAndTheRequestKeepsWaiting() throws Exception {
		jdbc.sql("update user_account set monthly_limit = 50 where id = ?").param(operator.userId()).update();
		long id = requested(6);

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("error", "checkout.limit.exceeded"));

		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		nothingCharged();
	}

	@Test
	void aRequestNotDecidedWithinSevenDaysExpires() throws Exception {
		long id = requested(6);
		clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(approvals.expire()).isZero();

		clock.advance(Duration.ofMinutes(2));
		assertThat(approvals.expire()).isEqualTo(1);
		assertThat(approvals.expire()).isZero();

		assertThat(count("order_request where status = 'EXPIRED'")).isEqualTo(1);
		nothingCharged();
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
		ShopUser titolare = shop.owner(reseller);
		assertThatThrownBy(() -> approvals.approve(titolare, id)).isInstanceOfSatisfying(Refusal.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("approval.decided"));
	}

	@Test
	void theAccountantSeesNoRequests() throws Exception {
		shop.member(reseller, "contabile@test.it", TeamRole.ACCOUNTANT, null, true);
		Cookie accountant = TestShop.login(mvc, "contabile@test.it");
		mvc.perform(get("/account/approvals").cookie(accountant)).andExpect(status().isForbidden());
	}

	/**
	 * The Operatore's checkout of the units, above the threshold; answers the request.
	 */
	private long requested(int units) throws Exception {
		carts.add(operator, "TEN", SPID, units);
		mvc.perform(TestShop.checkoutForm("tok-" + units, units * 10 + ".00").cookie(operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		return requestId();
	}

	private long requestId() {
		return jdbc.sql("select max(id) from order_request").query(Long.class).single();
	}

	private void nothingCharged() {
		assertThat(count("purchase_order")).isZero();
		assertThat(count("purchased_service")).isZero();
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("1000.00"));
		assertThat(count("credit_entry where kind = 'PURCHASE'")).isZero();
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	/**
	 * Another transaction holding a request's row, so that the threads under test queue
	 * behind it in a known order.
	 */
	private final class RowLock implements AutoCloseable {

		private final Connection connection;

		RowLock(long requestId) throws SQLException {
			this.connection = dataSource.getConnection();
			this.connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("select id from order_request where id = ? for update")) {
				lock.setLong(1, requestId);
				lock.executeQuery().close();
			}
		}

		/** Waits until this many other transactions wait for a lock. */
		void waitForWaiters(int waiters) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (jdbc
				.sql("select count(*) from pg_stat_activity where datname = current_database()"
						+ " and wait_event_type = 'Lock'")
				.query(Long.class)
				.single() < waiters) {
				assertThat(System.nanoTime()).as("waiting for %d lock waiters", waiters).isLessThan(deadline);
				Thread.sleep(20);
			}
		}

		void release() throws SQLException {
			connection.commit();
		}

		@Override
		public void close() throws SQLException {
			connection.rollback();
			connection.close();
		}

	}

}
