package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.ServiceTerm;
import it.rivendo.handoff.HandoffTicket;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.TestShop;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 17: an Operatore the Titolare lets see only its own services sees and acts on no
 * teammate's service anywhere: "In scadenza" (rows, totals, the filters' choices, its
 * CSV), "Rinnova i selezionati", the home page's figures, "Associa più servizi", the
 * search, and every per-service action; a teammate's service is not found (404), as
 * another reseller's, and nothing changes in the database.
 */
class OwnServicesOnlyIT extends RenewalTest {

	long reseller;

	ShopUser owner;

	ShopUser operator;

	/** The Titolare's: REMOTA active and expiring, CASELLA active and expiring, open. */
	long ownersRemote;

	long ownersMailbox;

	long ownersOpen;

	/** The Operatore's: REMOTA active and expiring, and one open. */
	long operatorsRemote;

	long operatorsOpen;

	@BeforeEach
	void setUp() {
		ActivatedServices.Reseller shopAndOwner = activated.remoteSignatureShop();
		reseller = shopAndOwner.id();
		owner = shopAndOwner.user();
		shop.family("FATTURA").product("CASELLA", "FATTURA", SPID, "20.00");
		shop.catalog().setTerm("CASELLA", ServiceTerm.months(12, 90, 0));
		operator = shop.member(reseller, "own@test.it", TeamRole.OPERATOR, null, false);

		ownersRemote = activated.serviceOf(shop.buy(owner, TestShop.CUSTOMER, "REMOTA", SPID, 1));
		activated.activate(reseller, ownersRemote, "teammate@test.it", ActivatedServices.MARIO);
		ownersMailbox = activated.serviceOf(shop.buy(owner, TestShop.CUSTOMER, "CASELLA", SPID, 1));
		activated.activate(reseller, ownersMailbox, "casella@test.it", ActivatedServices.MARIO);
		ownersOpen = activated.serviceOf(shop.buy(owner, TestShop.CUSTOMER, "REMOTA", SPID, 1));
		operatorsRemote = activated.serviceOf(shop.buy(operator, TestShop.CUSTOMER, "REMOTA", SPID, 1));
		activated.activate(reseller, operatorsRemote, "mine@test.it", ActivatedServices.MARIO);
		operatorsOpen = activated.serviceOf(shop.buy(operator, TestShop.CUSTOMER, "REMOTA", SPID, 1));
		// 25 days before the end of the 12-month term: within 30 days, renewable
		clock.advance(Duration.ofDays(340));
	}

	@Test
	void inScadenzaShowsOnlyItsOwnServicesTheirTotalAndChoices() throws Exception {
		String page = page("/account/services/expiring?days=60", operator);
		assertThat(page).contains("mine@test.it")
			.doesNotContain("teammate@test.it")
			.doesNotContain("casella@test.it")
			.contains("renew-" + operatorsRemote + "\"")
			.doesNotContain("renew-" + ownersRemote + "\"");
		assertThat(testId(page, "expiring-count")).startsWith("1 ");
		assertThat(testId(page, "expiring-taxable")).startsWith("39,00");
		// the filters offer the products and families of its own services only
		assertThat(page).contains("value=\"REMOTA\"")
			.doesNotContain("value=\"CASELLA\"")
			.doesNotContain("value=\"FATTURA\"");

		// the Titolare sees the three
		String owners = page("/account/services/expiring?days=60", owner);
		assertThat(owners).contains("mine@test.it", "teammate@test.it", "casella@test.it", "value=\"CASELLA\"");
		assertThat(testId(owners, "expiring-count")).startsWith("3 ");
	}

	@Test
	void inScadenzaCsvHasOnlyItsOwnRows() throws Exception {
		String csv = mvc.perform(get("/account/services/expiring.csv").param("days", "60").with(user(operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().filter(line -> !line.isBlank())).hasSize(2); // the header
																			// and one
		assertThat(csv).contains("mine@test.it").doesNotContain("teammate@test.it").doesNotContain("casella@test.it");
	}

	@Test
	void rinnovaISelezionatiRefusesATeammatesServiceAndAddsNothing() throws Exception {
		perform(post("/account/services/expiring/renew").param("days", "60")
			.param("service", String.valueOf(operatorsRemote), String.valueOf(ownersRemote)), 404);
		perform(post("/account/services/renew").param("service", String.valueOf(ownersRemote)), 404);
		perform(post("/account/services/{id}/renew", ownersRemote), 404);
		assertThat(cartLinesOf(operator)).isZero();

		// its own still goes into its cart
		perform(post("/account/services/expiring/renew").param("days", "60")
			.param("service", String.valueOf(operatorsRemote)), 302);
		assertThat(cartLinesOf(operator)).isOne();
	}

	@Test
	void theHomePageCountsOnlyItsOwnServices() throws Exception {
		String home = page("/", operator);
		assertThat(testId(home, "home-to-associate")).isEqualTo("1");
		assertThat(testId(home, "home-expiring")).isEqualTo("1");
		String owners = page("/", owner);
		assertThat(testId(owners, "home-to-associate")).isEqualTo("2");
		assertThat(testId(owners, "home-expiring")).isEqualTo("3");
	}

	@Test
	void associaPiuServiziListsAndLinksOnlyItsOwn() throws Exception {
		String page = page("/account/services/associate-many", operator);
		assertThat(page).contains("id=\"service-" + operatorsOpen + "\"")
			.doesNotContain("id=\"service-" + ownersOpen + "\"");

		perform(post("/account/services/associate-many").param("serviceIds", String.valueOf(ownersOpen))
			.param("emails", "stolen@test.it"), 404);
		assertThat(customerEmailOf(ownersOpen)).isNull();
		assertThat(linksSentTo("stolen@test.it")).isZero();
	}

	@Test
	void theSearchFindsOnlyItsOwnServices() throws Exception {
		assertThat(page("/account/services?q=teammate", operator)).doesNotContain("/account/services/" + ownersRemote)
			.contains("data-testid=\"services-no-match\"");
		assertThat(page("/account/services?q=mine", operator)).contains("/account/services/" + operatorsRemote);
		assertThat(page("/account/services?q=teammate", owner)).contains("/account/services/" + ownersRemote);
	}

	@Test
	void everyActionOnATeammatesServiceIsNotFoundAndChangesNothing() throws Exception {
		long events = jdbc.sql("select count(*) from service_event").query(Long.class).single();
		for (long id : new long[] { ownersRemote, ownersOpen }) {
			perform(get("/account/services/{id}", id), 404);
			perform(get("/account/services/{id}/associate", id), 404);
			perform(post("/account/services/{id}/associate", id).param("email", "stolen@test.it"), 404);
			perform(post("/account/services/{id}/resend", id), 404);
			perform(post("/account/services/{id}/renew", id), 404);
			// the Titolare's alone, whoever's the service
			perform(post("/account/services/{id}/auto-renew", id).param("on", "true"), 403);
		}
		assertThat(jdbc.sql("select count(*) from service_event").query(Long.class).single()).isEqualTo(events);
		assertThat(customerEmailOf(ownersOpen)).isNull();
		assertThat(customerEmailOf(ownersRemote)).isEqualTo("teammate@test.it");
		assertThat(linksSentTo("stolen@test.it")).isZero();
		assertThat(cartLinesOf(operator)).isZero();
	}

	/**
	 * "Apri su altro dispositivo" hands the phone the same user: a teammate's service
	 * page is not found there either, its own opens.
	 */
	@Test
	void theQrCodeOpensNoTeammatesServiceOnThePhone() throws Exception {
		Cookie computer = TestShop.login(mvc, "own@test.it");
		String target = "/account/services/" + ownersRemote;
		HandoffTicket ticket = (HandoffTicket) mvc
			.perform(post("/account/handoff").cookie(computer).with(csrf()).param("path", target))
			.andExpect(redirectedUrl("/account/handoff"))
			.andReturn()
			.getFlashMap()
			.get("ticket");
		Cookie phone = mvc.perform(post(URI.create(ticket.url()).getPath()).with(csrf()))
			.andExpect(redirectedUrl(target))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		String page = mvc.perform(get(target).cookie(phone))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("teammate@test.it");
		mvc.perform(get("/account/services/{id}", operatorsRemote).cookie(phone)).andExpect(status().isOk());
	}

	/**
	 * Its orders only: the list, the home page's last orders, and a teammate's order (its
	 * page, the page after payment, its billing correction, its invoice and credit note)
	 * is not found, as another reseller's. An Operatore who sees the whole team, a
	 * Titolare and a Contabile see every order.
	 */
	@Test
	void itSeesOnlyItsOwnOrders() throws Exception {
		List<String> owners = ordersOf(owner);
		List<String> own = ordersOf(operator);
		assertThat(owners).hasSize(3);
		assertThat(own).hasSize(2);

		String list = page("/orders", operator);
		assertThat(list).contains(own);
		owners.forEach(number -> assertThat(list).doesNotContain(number));
		String home = page("/", operator);
		assertThat(home).contains(own);
		owners.forEach(number -> assertThat(home).doesNotContain(number));
		// asking for the Titolare's orders by the list's filter changes nothing
		String filtered = page("/orders?user=" + owner.userId(), operator);
		owners.forEach(number -> assertThat(filtered).doesNotContain(number));

		for (String number : owners) {
			perform(get("/orders/{number}", number), 404);
			perform(get("/orders/{number}/completed", number), 404);
			perform(get("/orders/{number}/billing", number), 404);
			perform(get("/orders/{number}/invoice.pdf", number), 404);
			perform(get("/orders/{number}/credit-note.pdf", number), 404);
		}
		String detail = page("/orders/" + own.get(0), operator);
		assertThat(detail).contains(own.get(0));
		page("/orders/" + own.get(0) + "/completed", operator);

		ShopUser wholeTeam = shop.member(reseller, "all@test.it", TeamRole.OPERATOR, null, true);
		ShopUser accountant = shop.member(reseller, "conti@test.it", TeamRole.ACCOUNTANT, null, true);
		for (ShopUser user : new ShopUser[] { owner, wholeTeam, accountant }) {
			assertThat(page("/orders", user)).contains(owners).contains(own);
			assertThat(page("/orders/" + owners.get(0), user)).contains(owners.get(0));
			assertThat(page("/orders/" + own.get(0), user)).contains(own.get(0));
		}
		assertThat(page("/", owner)).contains(owners).contains(own);
	}

	/**
	 * Its bulk uploads only: a teammate's upload (its page, its report, its confirmation)
	 * is not found and nothing is paid or confirmed; the recent uploads list only its
	 * own. A Titolare and an Operatore who sees the whole team see both.
	 */
	@Test
	void itSeesAndConfirmsOnlyItsOwnBulkUploads() throws Exception {
		long owners = uploaded(owner, "titolare.csv");
		long own = uploaded(operator, "operatore.csv");
		long orders = jdbc.sql("select count(*) from purchase_order").query(Long.class).single();
		String token = jdbc.sql("select confirm_token from bulk_upload where id = ?")
			.param(owners)
			.query(String.class)
			.single();

		perform(get("/account/bulk/{id}", owners), 404);
		perform(get("/account/bulk/{id}/report.csv", owners), 404);
		perform(post("/account/bulk/{id}/confirm", owners).param("token", token).param("expectedTotal", "39.00"), 404);
		assertThat(jdbc.sql("select status from bulk_upload where id = ?").param(owners).query(String.class).single())
			.isEqualTo("PREVIEW");
		assertThat(jdbc.sql("select count(*) from purchase_order").query(Long.class).single()).isEqualTo(orders);
		assertThat(jdbc.sql("select count(*) from order_request").query(Long.class).single()).isZero();

		String start = page("/account/bulk", operator);
		assertThat(start).contains("operatore.csv").doesNotContain("titolare.csv");
		assertThat(page("/account/bulk/" + own, operator)).contains("operatore.csv");
		perform(get("/account/bulk/{id}/report.csv", own), 200);

		ShopUser wholeTeam = shop.member(reseller, "all@test.it", TeamRole.OPERATOR, null, true);
		for (ShopUser user : new ShopUser[] { owner, wholeTeam }) {
			assertThat(page("/account/bulk", user)).contains("operatore.csv", "titolare.csv");
			assertThat(page("/account/bulk/" + owners, user)).contains("titolare.csv");
			assertThat(page("/account/bulk/" + own, user)).contains("operatore.csv");
		}
	}

	private List<String> ordersOf(ShopUser user) {
		return jdbc.sql("select number from purchase_order where placed_by_user_id = ? order by id")
			.param(user.userId())
			.query(String.class)
			.list();
	}

	/** A bulk order file for one REMOTA, uploaded by that user; its upload's id. */
	private long uploaded(ShopUser user, String name) throws Exception {
		String file = "codice_prodotto;modalita_identificazione;quantita;email_cliente_finale;tipo_cliente;"
				+ "ragione_sociale;nome;cognome;partita_iva;codice_fiscale;indirizzo;cap;comune;provincia;nazione;"
				+ "codice_sdi;pec\r\n"
				+ "REMOTA;SPID;1;;Azienda;Rete Uffici S.p.A.;;;00743110157;;Via Roma 1;20121;Milano;MI;IT;"
				+ "M5UXCR1;\r\n";
		String location = mvc
			.perform(multipart("/account/bulk")
				.file(new MockMultipartFile("file", name, "text/csv", file.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user(user)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private void perform(MockHttpServletRequestBuilder request, int expected) throws Exception {
		mvc.perform(request.with(csrf()).with(user(operator))).andExpect(status().is(expected));
	}

	private String page(String path, ShopUser as) throws Exception {
		return mvc.perform(get(path).with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The text of the element with that test id, its tags removed and spaces squeezed.
	 */
	static String testId(String html, String id) {
		Matcher matcher = Pattern
			.compile("data-testid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(a|strong|p|div)>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	private long cartLinesOf(ShopUser user) {
		return jdbc.sql("select count(*) from cart_line l join cart c on c.id = l.cart_id where c.user_id = ?")
			.param(user.userId())
			.query(Long.class)
			.single();
	}

	private String customerEmailOf(long serviceId) {
		return jdbc.sql("select customer_email from purchased_service where id = ?")
			.param(serviceId)
			.query((rs, row) -> rs.getString(1))
			.list()
			.get(0);
	}

	private long linksSentTo(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single();
	}

}
