package it.rivendo.bulk;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.rivendo.cart.CartService;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.ApprovalRace;
import it.rivendo.support.MutableClock;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An Operatore's bulk order ("Ordine multiplo") above the Titolare's approval threshold
 * (issue 17) waits for approval instead of being refused: the checked upload is kept as a
 * request, nothing is charged; approved, it is issued exactly as the Operatore's
 * confirmation would (one order per billing customer, paid from the credit as the
 * Operatore's, services associated with their end customers), with the credit and the
 * Operatore's monthly limit checked then, also against a payment racing it; rejected or
 * expired, nothing is left. The file: 1 unit of TEN (€ 10,00, VAT-free) for an end
 * customer and 2 more for its company, 4 for another company, € 70,00; the threshold is €
 * 50,00, the Operatore's limit € 100,00.
 */
@WebIntegrationTest
class BulkApprovalsIT {

	static final String FILE = "codice_prodotto;modalita_identificazione;quantita;email_cliente_finale;tipo_cliente;"
			+ "ragione_sociale;nome;cognome;partita_iva;codice_fiscale;indirizzo;cap;comune;provincia;nazione;"
			+ "codice_sdi;pec\r\n"
			+ "TEN;SPID;1;mario@example.it;Azienda;Rete Uffici S.p.A.;;;00743110157;;Via Roma 1;20121;Milano;MI;IT;"
			+ "M5UXCR1;\r\n"
			+ "TEN;SPID;2;;Azienda;Rete Uffici S.p.A.;;;00743110157;;Via Roma 1;20121;Milano;MI;IT;M5UXCR1;\r\n"
			+ "TEN;SPID;4;;Azienda;Cliente Finale S.r.l.;;;01114601006;;Via del Corso 12;00186;Roma;RM;IT;M5UXCR1;\r\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	BulkOrders bulk;

	@Autowired
	OrderApprovals approvals;

	@Autowired
	CartService carts;

	@Autowired
	CheckoutService checkout;

	@Autowired
	CreditLedger credit;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

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
			.andExpect(flash().attribute("success", "team.approval.saved"));
	}

	@Test
	void anOperatorsBulkOrderAboveTheThresholdWaitsAndIsIssuedAsItsOwnOnceApproved() throws Exception {
		long upload = uploaded();
		String token = bulk.preview(reseller, upload).token();
		mvc.perform(confirm(upload, token, operatorSession))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.requested"));
		// posted twice: still one request
		mvc.perform(confirm(upload, token, operatorSession)).andExpect(redirectedUrl("/account/approvals"));

		assertThat(count("order_request where status = 'PENDING' and bulk_upload_id = " + upload)).isEqualTo(1);
		nothingCharged();
		assertThat(count("bulk_upload where status = 'PREVIEW' and held_until is not null")).isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_REQUESTED' and recipient = 'owner@test.it'"))
			.isEqualTo(1);
		long id = requestId();
		mvc.perform(get("/account/approvals").cookie(owner))
			.andExpect(content().string(containsString("Ordine multiplo «clienti.csv»: 3 righe, 2 clienti")))
			.andExpect(content().string(containsString("70,00")))
			.andExpect(content().string(containsString("/account/bulk/" + upload)));
		mvc.perform(get("/").cookie(owner)).andExpect(content().string(containsString("Ordini da approvare: 1")));
		// its preview leads to the request, with nothing to confirm a second way
		mvc.perform(get("/account/bulk/" + upload).cookie(owner))
			.andExpect(content().string(containsString("(richiesta n. " + id + ") e attende un Titolare")))
			.andExpect(content().string(not(containsString("data-testid=\"confirm\""))));

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.approved"));

		assertThat(count("purchase_order where placed_by_user_id = " + operator.userId())).isEqualTo(2);
		assertThat(count("purchase_order")).isEqualTo(2);
		assertThat(count("purchased_service where placed_by_user_id = " + operator.userId())).isEqualTo(7);
		assertThat(count("purchased_service where status = 'ASSOCIATED' and customer_email = 'mario@example.it'"))
			.isEqualTo(1);
		assertThat(count("mail_outbox where kind = 'ACTIVATION_LINK' and recipient = 'mario@example.it'")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("930.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(jdbc
			.sql("select count(*) from order_request r join purchase_order o on o.number = r.order_number "
					+ "where r.id = ? and r.status = 'APPROVED'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(count("bulk_upload where status = 'CONFIRMED'")).isEqualTo(1);
		assertThat(bulk.preview(reseller, upload).rows()).allSatisfy(row -> assertThat(row.result()).isNotNull());
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(1);
		// approving again, or the Operatore confirming again, issues nothing more
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.decided"));
		mvc.perform(confirm(upload, token, operatorSession)).andExpect(redirectedUrl("/account/approvals"));
		assertThat(count("purchase_order")).isEqualTo(2);
		assertThat(count("purchased_service")).isEqualTo(7);
	}

	@Test
	void rejectedAndExpiredBulkRequestsLeaveNothingBehind() throws Exception {
		long rejected = requested();
		mvc.perform(
				post("/account/approvals/" + rejected + "/reject").param("reason", "Troppi").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.rejected"));
		nothingCharged();

		long expiring = requested();
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(approvals.expire()).isEqualTo(1);

		nothingCharged();
		assertThat(jdbc.sql("select status from order_request where id in (?, ?) order by id")
			.params(rejected, expiring)
			.query(String.class)
			.list()).containsExactly("REJECTED", "EXPIRED");
		assertThat(count("bulk_upload where status = 'CONFIRMED'")).isZero();
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"))
			.isEqualTo(2);
	}

	@Test
	void sentAgainAfterARejectionOrAnExpiryItIsANewRequest() throws Exception {
		long rejected = requested();
		long upload = uploadOf(rejected);
		String token = bulk.preview(reseller, upload).token();
		mvc.perform(post("/account/approvals/" + rejected + "/reject").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.rejected"));

		// the same preview sent again: a new request, the Titolare e-mailed again
		// (before,
		// the rejected one was found and the page said it had been sent)
		mvc.perform(confirm(upload, token, operatorSession))
			.andExpect(redirectedUrl("/account/approvals"))
			.andExpect(flash().attribute("success", "approval.requested"));
		mvc.perform(confirm(upload, token, operatorSession)).andExpect(redirectedUrl("/account/approvals"));
		long second = requestId();
		assertThat(second).isNotEqualTo(rejected);
		assertThat(statuses(upload)).containsExactly("REJECTED", "PENDING");
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_REQUESTED' and recipient = 'owner@test.it'"))
			.isEqualTo(2);

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(approvals.expire()).isEqualTo(1);
		mvc.perform(confirm(upload, token, operatorSession))
			.andExpect(flash().attribute("success", "approval.requested"));
		assertThat(statuses(upload)).containsExactly("REJECTED", "EXPIRED", "PENDING");
		nothingCharged();

		mvc.perform(post("/account/approvals/" + requestId() + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.approved"));
		assertThat(count("purchase_order where placed_by_user_id = " + operator.userId())).isEqualTo(2);
		// approved, the preview sent again finds it and issues nothing more
		mvc.perform(confirm(upload, token, operatorSession)).andExpect(redirectedUrl("/account/approvals"));
		assertThat(statuses(upload)).containsExactly("REJECTED", "EXPIRED", "APPROVED");
		assertThat(count("purchase_order")).isEqualTo(2);
	}

	@Test
	void aTitolareConfirmingTheUploadDirectlyEndsTheWaitingRequest() throws Exception {
		long id = requested();
		long upload = uploadOf(id);

		mvc.perform(confirm(upload, bulk.preview(reseller, upload).token(), owner))
			.andExpect(redirectedUrl("/account/bulk/" + upload))
			.andExpect(flash().attribute("success", "bulk.confirm.done"));

		// before, the request stayed "In attesa" with its upload already issued
		assertThat(statuses(upload)).containsExactly("SUPERSEDED");
		assertThat(count("purchase_order")).isEqualTo(2);
		assertThat(count("purchase_order where placed_by_user_id = " + shop.owner(reseller).userId())).isEqualTo(2);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("930.00"));
		assertThat(count("mail_outbox where kind = 'ORDER_APPROVAL_DECIDED' and recipient = 'operatore@test.it'"
				+ " and subject = 'Richiesta n. " + id + " superata'"))
			.isEqualTo(1);
		mvc.perform(get("/account/approvals").cookie(operatorSession))
			.andExpect(content().string(containsString("Superata: ordine multiplo confermato direttamente")));
		mvc.perform(get("/").cookie(owner))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Ordini da approvare"))));
		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.decided"));
		assertThat(count("purchase_order")).isEqualTo(2);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("930.00"));
	}

	@Test
	void approvalMailsSpeakEachRecipientsOwnLanguage() throws Exception {
		shop.member(reseller, "socio@test.it", TeamRole.OWNER, null, true);
		jdbc.sql(
				"update user_account set preferred_locale = 'en' where email in ('socio@test.it', 'operatore@test.it')")
			.update();

		long id = requested();
		mvc.perform(post("/account/approvals/" + id + "/reject").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.rejected"));

		// before, every e-mail spoke the account's language (its first login's: Italian)
		assertThat(subject("ORDER_APPROVAL_REQUESTED", "owner@test.it")).startsWith("Un ordine di ");
		assertThat(subject("ORDER_APPROVAL_REQUESTED", "socio@test.it")).startsWith("An order by ");
		assertThat(subject("ORDER_APPROVAL_DECIDED", "operatore@test.it")).isEqualTo("Request no. " + id + " rejected");
	}

	@Test
	void anUploadSentForApprovalOutlivesTheWeekOfUnconfirmedPreviews() throws Exception {
		long upload = uploaded();
		long forgotten = uploaded();
		clock.advance(Duration.ofDays(5));
		mvc.perform(confirm(upload, bulk.preview(reseller, upload).token(), operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		long id = requestId();
		clock.advance(Duration.ofDays(3)); // both uploads are 8 days old, one request
											// waits

		assertThat(bulk.expire()).as("the preview nobody sent").isEqualTo(1);
		assertThat(count("bulk_upload where id = " + forgotten)).isZero();
		assertThat(count("bulk_upload where id = " + upload)).isEqualTo(1);

		mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("success", "approval.approved"));
		assertThat(count("purchase_order")).isEqualTo(2);
	}

	@Test
	void twoTitolariApprovingABulkAtOnceWhileTheJobExpiresItIssueItOnceAtMost() throws Exception {
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
		assertThat(count("purchase_order")).isEqualTo(approved ? 2 : 0);
		assertThat(count("purchased_service")).isEqualTo(approved ? 7 : 0);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of(approved ? "930.00" : "1000.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(ApprovalRace.paid(outcomes)).isEqualTo(approved ? 1 : 0);
	}

	@Test
	void theApprovalAndTheOperatorsOwnPaymentRacingStayWithinItsMonthlyLimit() throws Exception {
		long id = requested();
		carts.add(operator, "TEN", SPID, 4); // € 40,00: under the threshold, paid at once
		ShopUser titolare = shop.owner(reseller);

		List<String> outcomes = Race.run(2, i -> {
			try {
				return i == 0 ? approvals.approve(titolare, id)
						: checkout
							.pay(new PaymentRequest(reseller, "tok-own", TestShop.CUSTOMER, Money.of("40.00"), false,
									operator.email(), operator.userId()))
							.orderNumber();
			}
			catch (Refusal refused) {
				return refused.messageKey();
			}
		});

		// € 70 + € 40 would pass the € 100 limit: one of them is refused, nothing of it
		// charged
		assertThat(outcomes).containsOnlyOnce("checkout.limit.exceeded");
		java.math.BigDecimal spent = jdbc
			.sql("select coalesce(sum(total_amount), 0) from purchase_order where placed_by_user_id = ?")
			.param(operator.userId())
			.query(java.math.BigDecimal.class)
			.single();
		assertThat(spent).isIn(new java.math.BigDecimal("70.00"), new java.math.BigDecimal("40.00"));
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("1000.00").minus(Money.of(spent.toPlainString())));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(spent.intValue() == 70 ? 0 : 1);
	}

	@Test
	void anApprovalAfterThePriceChangedIsRefusedWithTodaysTotalAndPaysNothing() throws Exception {
		long id = requested();
		jdbc.sql(
				"update product_price set list_price = 12 where product_id = (select id from product where code = 'TEN')")
			.update();

		MvcResult refused = mvc.perform(post("/account/approvals/" + id + "/approve").cookie(owner).with(csrf()))
			.andExpect(flash().attribute("error", "approval.bulk.priceChanged"))
			.andReturn();
		mvc.perform(get("/account/approvals").cookie(owner).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("costerebbe € 84,00")));

		assertThat(count("order_request where status = 'PENDING'")).isEqualTo(1);
		nothingCharged();
	}

	/** The file uploaded; answers the upload's id. */
	private long uploaded() {
		return bulk.upload(reseller, "clienti.csv", FILE.getBytes(StandardCharsets.UTF_8));
	}

	/** The file uploaded and sent for approval by the Operatore; answers the request. */
	private long requested() throws Exception {
		long upload = uploaded();
		mvc.perform(confirm(upload, bulk.preview(reseller, upload).token(), operatorSession))
			.andExpect(redirectedUrl("/account/approvals"));
		return requestId();
	}

	private static org.springframework.test.web.servlet.RequestBuilder confirm(long upload, String token,
			Cookie session) {
		return post("/account/bulk/" + upload + "/confirm").param("token", token)
			.param("expectedTotal", "70.00")
			.cookie(session)
			.with(csrf());
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

	private long uploadOf(long request) {
		return jdbc.sql("select bulk_upload_id from order_request where id = ?")
			.param(request)
			.query(Long.class)
			.single();
	}

	private List<String> statuses(long upload) {
		return jdbc.sql("select status from order_request where bulk_upload_id = ? order by id")
			.param(upload)
			.query(String.class)
			.list();
	}

	private String subject(String kind, String recipient) {
		return jdbc.sql("select subject from mail_outbox where kind = ? and recipient = ?")
			.params(kind, recipient)
			.query(String.class)
			.single();
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
