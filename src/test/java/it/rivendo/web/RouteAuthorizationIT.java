package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.rivendo.api.ApiKeys;
import it.rivendo.api.ApiScope;
import it.rivendo.bulk.BulkOrders;
import it.rivendo.cart.CartService;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
import it.rivendo.identity.Team;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.shared.Money;
import it.rivendo.webhooks.WebhookEndpoints;
import it.rivendo.webhooks.WebhookEventType;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, read from Spring MVC itself, checked against who may
 * call it: a new {@code /admin} route that is not protected, or a new shop route open to
 * anonymous users, fails this test without anyone having to list it here.
 */
@WebIntegrationTest
class RouteAuthorizationIT {

	static final List<String> RESELLER_AREAS = List.of("/account", "/orders", "/cart", "/checkout", "/catalog",
			"/products");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	Team team;

	@Autowired
	CartService carts;

	@Autowired
	OrderApprovals approvals;

	@Autowired
	ApiKeys keys;

	@Autowired
	WebhookEndpoints webhooks;

	@Autowired
	BulkOrders bulk;

	@Autowired
	TopUps topUps;

	ShopUser reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		reseller = shop.userOf(shop.reseller("reseller@test.it", "BASE", "0"), "reseller@test.it");
	}

	/** Each mapped method and path, with path variables replaced by plausible values. */
	List<Route> routes() {
		Set<Route> routes = new java.util.TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> addRoutes(routes, info));
		return new ArrayList<>(routes);
	}

	private static void addRoutes(Set<Route> routes, RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (String pattern : patterns(info)) {
			String path = concrete(pattern);
			if (methods.isEmpty()) {
				routes.add(new Route(HttpMethod.GET, path, pattern));
				routes.add(new Route(HttpMethod.POST, path, pattern));
			}
			for (RequestMethod requestMethod : methods) {
				routes.add(new Route(requestMethod.asHttpMethod(), path, pattern));
			}
		}
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	/**
	 * {@code /admin/support/{id}} → {@code /admin/support/1}; a code or a token gets
	 * letters.
	 */
	static String concrete(String pattern) {
		return pattern.replaceAll("\\{(id|[a-zA-Z]*Id)(:[^}]*)?}", "1")
			.replaceAll("\\{\\*?[a-zA-Z]+(:[^}]*)?}", "X1")
			.replace("/**", "/x")
			.replace("*", "x");
	}

	List<Route> under(List<String> prefixes) {
		return routes().stream()
			.filter(route -> prefixes.stream()
				.anyMatch(prefix -> route.path().equals(prefix) || route.path().startsWith(prefix + "/")))
			.toList();
	}

	private MockHttpServletResponse call(Route route, ShopUser as) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), route.path());
		if (route.method() != HttpMethod.GET) {
			request.with(csrf());
		}
		if (as != null) {
			request.with(user(as));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void everyAdminRouteIsForStaffOnly() throws Exception {
		List<Route> admin = under(List.of("/admin"));
		assertThat(admin).extracting(Route::pattern)
			.contains("/admin", "/admin/support/{id}/answer", "/admin/catalog/products/{id}", "/admin/audit",
					"/admin/export/orders.csv");
		List<String> wrong = new ArrayList<>();
		for (Route route : admin) {
			MockHttpServletResponse anonymous = call(route, null);
			if (anonymous.getStatus() != 302 || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/login")) {
				wrong.add(route + " anonymous → " + anonymous.getStatus() + " " + anonymous.getRedirectedUrl());
			}
			int asReseller = call(route, reseller).getStatus();
			if (asReseller != 403) {
				wrong.add(route + " reseller → " + asReseller);
			}
			int asStaff = call(route, shop.staff()).getStatus();
			if (asStaff == 401 || asStaff == 403) {
				wrong.add(route + " staff → " + asStaff);
			}
		}
		assertThat(wrong).as("admin routes with the wrong protection").isEmpty();
		System.out.println("ROUTES admin=" + admin.size());
	}

	@Test
	void everyResellerRouteNeedsSigningIn() throws Exception {
		List<Route> shopRoutes = under(RESELLER_AREAS);
		assertThat(shopRoutes).extracting(Route::pattern)
			.contains("/account/support", "/account/support/{id}", "/orders/{number}", "/cart", "/checkout", "/catalog",
					"/products/{code}");
		List<String> wrong = new ArrayList<>();
		for (Route route : shopRoutes) {
			MockHttpServletResponse anonymous = call(route, null);
			if (anonymous.getStatus() != 302 || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/login")) {
				wrong.add(route + " anonymous → " + anonymous.getStatus() + " " + anonymous.getRedirectedUrl());
			}
			int asStaff = call(route, shop.staff()).getStatus();
			if (asStaff != 403) {
				wrong.add(route + " staff → " + asStaff);
			}
		}
		assertThat(wrong).as("reseller routes open to the wrong people").isEmpty();
		System.out.println("ROUTES reseller=" + shopRoutes.size());
	}

	/**
	 * Issue 17: the Titolare's routes (users, top-ups, billing data, API keys, automatic
	 * renewal, the end customers' expiry notice), written out here on their own,
	 * independently of SecurityConfig.
	 */
	static boolean ownerOnly(Route route) {
		String p = route.pattern();
		return p.startsWith("/account/team") || p.startsWith("/account/api") || p.startsWith("/account/billing")
				|| p.startsWith("/account/credit/top-up") || p.startsWith("/account/payments/")
				|| p.endsWith("/auto-renew") || p.startsWith("/account/approvals/") // approve,
																					// reject
				|| route.method() == HttpMethod.POST && p.equals("/account/services/reminders");
	}

	/** Issue 17: what spends the credit or acts on services, closed to the Contabile. */
	static boolean buying(Route route) {
		String p = route.pattern();
		return p.startsWith("/cart") || p.startsWith("/checkout") || p.startsWith("/account/bulk")
				|| p.startsWith("/account/approvals") || p.endsWith("/associate")
				|| p.startsWith("/account/services/associate-many")
				|| p.endsWith("/billing") && p.startsWith("/orders/")
				|| route.method() == HttpMethod.POST && p.startsWith("/account/services");
	}

	@Test
	void everyResellerRouteByTeamRole() throws Exception {
		long resellerId = reseller.resellerId();
		Map<TeamRole, ShopUser> team = new EnumMap<>(TeamRole.class);
		for (TeamRole role : TeamRole.values()) {
			team.put(role, shop.userOf(resellerId, role.name().toLowerCase() + "@test.it", role));
		}
		List<Route> shopRoutes = under(RESELLER_AREAS);
		assertThat(shopRoutes).filteredOn(RouteAuthorizationIT::ownerOnly)
			.extracting(Route::pattern)
			.contains("/account/credit/top-up", "/account/credit/top-ups/{reference}",
					"/account/services/{id}/auto-renew", "/account/approvals/{id}/approve",
					"/account/approvals/{id}/reject");
		assertThat(shopRoutes).filteredOn(RouteAuthorizationIT::buying)
			.extracting(Route::pattern)
			.contains("/cart", "/cart/items", "/checkout", "/account/bulk", "/account/approvals",
					"/account/services/{id}/associate", "/account/services/{id}/renew");
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Route route : shopRoutes) {
			for (TeamRole role : TeamRole.values()) {
				boolean allowed = ownerOnly(route) ? role == TeamRole.OWNER
						: !buying(route) || role != TeamRole.ACCOUNTANT;
				int status = call(route, team.get(role)).getStatus();
				checked++;
				if (allowed == (status == 403)) {
					wrong.add(route + " " + role + " → " + status
							+ (allowed ? " (should be allowed)" : " (should be 403)"));
				}
			}
		}
		assertThat(wrong).as("reseller routes with the wrong team rule").isEmpty();
		System.out.println("ROUTES reseller×team=" + checked);
	}

	/**
	 * Issue 17: another reseller's order, invoice, service and user are not found, for
	 * every role of the team (the users page stays closed to all but the Titolare).
	 */
	@Test
	void anotherResellersIdsAreNotFoundForEveryTeamRole() throws Exception {
		shop.family("FIRMA").product("REMOTA", "FIRMA", IdentificationMode.SPID, "39.00");
		long other = shop.reseller("other@test.it", "BASE", "100.00");
		String order = shop.buy(other, "REMOTA", IdentificationMode.SPID, 1);
		long service = jdbc.sql("select id from purchased_service where reseller_id = ?")
			.param(other)
			.query(Long.class)
			.single();
		long otherUser = shop.member(other, "altro@test.it", TeamRole.OPERATOR, null, true).userId();
		long resellerId = reseller.resellerId();
		List<String> wrong = new ArrayList<>();
		for (TeamRole role : TeamRole.values()) {
			ShopUser as = shop.userOf(resellerId, role.name().toLowerCase() + "@test.it", role);
			Map<String, Integer> expected = Map.of("/orders/" + order, 404, "/orders/" + order + "/invoice.pdf", 404,
					"/account/services/" + service, 404, "/account/team/" + otherUser,
					role == TeamRole.OWNER ? 404 : 403);
			for (Map.Entry<String, Integer> path : expected.entrySet()) {
				int status = call(new Route(HttpMethod.GET, path.getKey(), path.getKey()), as).getStatus();
				if (status != path.getValue()) {
					wrong.add(path.getKey() + " " + role + " → " + status + " (should be " + path.getValue() + ")");
				}
			}
		}
		assertThat(wrong).as("another reseller's ids").isEmpty();
	}

	/**
	 * Issue 17: every action naming an id of another reseller (its order, service,
	 * approval request, user, API key, webhook, bulk upload, a line of one of its carts)
	 * and every document of it (credit note, receipt, bulk report CSV, top-up) is refused
	 * to every role of the team: 404, or 403 where the role may not use the route at all;
	 * and nothing of the other reseller changes in the database.
	 */
	@Test
	void anotherResellersIdsInActionsAndDocumentsChangeNothing() throws Exception {
		shop.family("FIRMA").product("REMOTA", "FIRMA", IdentificationMode.SPID, "39.00");
		long other = shop.reseller("other@test.it", "BASE", "500.00");
		ShopUser otherOwner = shop.owner(other);
		// the opening credit's entry, which has a receipt
		long receipt = jdbc.sql("select min(id) from credit_entry where reseller_id = ?")
			.param(other)
			.query(Long.class)
			.single();
		String order = shop.buy(other, "REMOTA", IdentificationMode.SPID, 1);
		long service = jdbc.sql("select id from purchased_service where order_number = ?")
			.param(order)
			.query(Long.class)
			.single();
		String cancelled = shop.buy(other, "REMOTA", IdentificationMode.SPID, 1);
		cancellation.cancel(cancelled, "prova", "staff@test.it"); // a credit note
		ShopUser otherOperator = shop.member(other, "altro@test.it", TeamRole.OPERATOR, null, true);
		team.setApprovalThreshold(otherOwner, Money.of("1.00"));
		carts.add(otherOperator, "REMOTA", IdentificationMode.SPID, 1);
		long request = approvals.request(otherOperator, new PaymentRequest(other, "tok-other", TestShop.CUSTOMER,
				carts.view(otherOperator).totals().total(), false, otherOperator.email(), otherOperator.userId()));
		carts.add(otherOperator, "REMOTA", IdentificationMode.SPID, 1);
		long cartLine = jdbc.sql("select l.id from cart_line l join cart c on c.id = l.cart_id where c.user_id = ?")
			.param(otherOperator.userId())
			.query(Long.class)
			.single();
		long apiKey = keys.create(other, "Gestionale", ApiScope.READ, "test").id();
		long webhook = webhooks.register(other, "http://127.0.0.1:9/hook", Set.of(WebhookEventType.ORDER_PAID)).id();
		long upload = bulk.upload(other, "altro.csv",
				("codice_prodotto,modalita_identificazione,quantita\n" + "REMOTA,SPID,1\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String topUp = topUps.request(otherOwner, Money.of("100.00"), PaymentMethod.BANK).topUp().reference();

		List<MockHttpServletRequestBuilder> requests = List.of(
				post("/account/services/" + service + "/associate").param("email", "x@test.it"),
				post("/account/services/" + service + "/resend"), post("/account/services/" + service + "/renew"),
				post("/account/services/" + service + "/auto-renew").param("on", "true"),
				post("/account/services/renew").param("service", String.valueOf(service)),
				post("/account/services/expiring/renew").param("service", String.valueOf(service)),
				post("/account/services/associate-many").param("serviceIds", String.valueOf(service))
					.param("emails", "x@test.it"),
				post("/orders/" + order + "/billing"), post("/account/approvals/" + request + "/approve"),
				post("/account/approvals/" + request + "/reject").param("reason", "no"),
				post("/account/team/" + otherOperator.userId()).param("role", "ACCOUNTANT"),
				post("/account/team/" + otherOperator.userId() + "/disable"),
				post("/account/team/" + otherOperator.userId() + "/enable"),
				post("/account/team/" + otherOperator.userId() + "/remove"),
				post("/account/api/keys/" + apiKey + "/revoke"),
				post("/account/api/webhooks/" + webhook + "/enabled").param("on", "false"),
				post("/account/api/webhooks/" + webhook + "/delete"),
				post("/account/api/webhooks/" + webhook + "/test"),
				post("/account/bulk/" + upload + "/confirm").param("token", "x").param("expectedTotal", "47.58"),
				post("/cart/lines/" + cartLine).param("quantity", "5"), post("/cart/lines/" + cartLine + "/delete"),
				get("/orders/" + cancelled + "/credit-note.pdf"), get("/account/credit/receipts/" + receipt + ".pdf"),
				get("/account/bulk/" + upload), get("/account/bulk/" + upload + "/report.csv"),
				get("/account/credit/top-ups/" + topUp), get("/account/api/webhooks/" + webhook),
				get("/orders/" + order + "/billing"), get("/orders/" + order + "/completed"),
				get("/account/services/" + service + "/associate"));
		String before = snapshotOf(other);
		List<String> wrong = new ArrayList<>();
		for (TeamRole role : TeamRole.values()) {
			ShopUser as = shop.userOf(reseller.resellerId(), role.name().toLowerCase() + "@test.it", role);
			for (MockHttpServletRequestBuilder call : requests) {
				MockHttpServletResponse response = mvc.perform(call.with(csrf()).with(user(as)))
					.andReturn()
					.getResponse();
				String called = call.buildRequest(new org.springframework.mock.web.MockServletContext())
					.getRequestURI();
				if (response.getStatus() != 404 && !(response.getStatus() == 403 && role != TeamRole.OWNER)) {
					wrong.add(called + " " + role + " → " + response.getStatus() + " " + response.getRedirectedUrl());
				}
			}
		}
		assertThat(wrong).as("another reseller's ids in actions and documents").isEmpty();
		assertThat(snapshotOf(other)).as("the other reseller's data").isEqualTo(before);
	}

	/**
	 * The other reseller's rows in every table an action above could change, and every
	 * e-mail written.
	 */
	private String snapshotOf(long resellerId) {
		String ofReseller = "reseller_id = " + resellerId;
		String ofItsServices = "service_id in (select id from purchased_service where " + ofReseller + ")";
		Map<String, String> tables = new java.util.LinkedHashMap<>();
		for (String table : List.of("purchased_service", "purchase_order", "order_request", "user_account", "api_key",
				"webhook_endpoint", "bulk_upload", "cart", "credit_account", "credit_entry", "top_up",
				"billing_customer", "invoice_document")) {
			tables.put(table, ofReseller);
		}
		tables.put("reseller", "id = " + resellerId);
		tables.put("service_event", ofItsServices);
		tables.put("activation_token", ofItsServices);
		tables.put("cart_line", "cart_id in (select id from cart where " + ofReseller + ")");
		tables.put("mail_outbox", "true");
		StringBuilder rows = new StringBuilder();
		tables.forEach((table, where) -> rows.append(table)
			.append(jdbc
				.sql("select coalesce(string_agg(t::text, '|' order by t::text), '') from " + table + " t where "
						+ where)
				.query(String.class)
				.single())
			.append('\n'));
		return rows.toString();
	}

	/** What one caller gets from one route. */
	enum Access {

		/** Served: neither 401 nor 403, nor sent to the login page. */
		OK,
		/** Sent to the login page (302 to {@code /login}). */
		LOGIN,
		/** 403. */
		FORBIDDEN,
		/** The partner API's refusal: 401 or 403, never served. */
		REFUSED

	}

	/**
	 * The expected answer of one route to each caller: anonymous, staff, and the three
	 * team roles of a reseller.
	 */
	record Expect(Access anonymous, Access staff, Access owner, Access operator, Access accountant) {

		Access of(String caller) {
			return switch (caller) {
				case "anonymous" -> anonymous;
				case "staff" -> staff;
				case "OWNER" -> owner;
				case "OPERATOR" -> operator;
				default -> accountant;
			};
		}

	}

	static final Access OK = Access.OK, LOGIN = Access.LOGIN, NO = Access.FORBIDDEN, REFUSED = Access.REFUSED;

	/** Pages for anyone, signed in or not (login, activation, handoff, legal pages). */
	static final Expect PUBLIC = new Expect(OK, OK, OK, OK, OK);

	/** The page that says 403, to anyone (Spring Security forwards refusals to it). */
	static final Expect DENIED_PAGE = new Expect(NO, NO, NO, NO, NO);

	/** Anyone signed in (the home page, which sends staff to {@code /admin}). */
	static final Expect SIGNED_IN = new Expect(LOGIN, OK, OK, OK, OK);

	/** Staff only. */
	static final Expect STAFF = new Expect(LOGIN, OK, NO, NO, NO);

	/** Every user of a reseller, the Contabile included (reading). */
	static final Expect TEAM = new Expect(LOGIN, NO, OK, OK, OK);

	/** The Titolare and the Operatori (buying, acting on services): not the Contabile. */
	static final Expect BUYERS = new Expect(LOGIN, NO, OK, OK, NO);

	/** The Titolare only (users, top-ups, billing data, API keys, automatic renewal). */
	static final Expect OWNER = new Expect(LOGIN, NO, OK, NO, NO);

	/** The partner API: a bearer key, never a session of the shop. */
	static final Expect API_KEY = new Expect(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED);

	/**
	 * Issue 17: every route the application maps (every handler mapping, by method and
	 * pattern) with who may call it, written out here independently of SecurityConfig and
	 * the README's route rules. A route without a row fails
	 * {@link #everyMappedRouteHasARow}.
	 */
	static final Map<String, Expect> MATRIX = matrix(
			// public: signing in, activation by the end customer, handoff to a phone,
			// onboarding, passwords, legal pages, health
			"GET /css/**", PUBLIC, "GET /js/**", PUBLIC, "GET /img/**", PUBLIC, "GET /webjars/**", PUBLIC,
			"GET /favicon.ico", PUBLIC, "GET /robots.txt", PUBLIC, "GET /actuator/health", PUBLIC,
			"GET /actuator/health/**", PUBLIC,
			// metrics: staff, or without login from RIVENDO_METRICS_FROM (loopback, as
			// MockMvc's
			// requests come)
			"GET /actuator/prometheus", PUBLIC,
			// the actuator's index and info: staff only (what the shop runs is no
			// reseller's business)
			"GET /actuator", STAFF, "GET /actuator/info", STAFF, "GET /login", PUBLIC, "GET /denied", DENIED_PAGE,
			"POST /denied", DENIED_PAGE, "GET /error", PUBLIC, "POST /error", PUBLIC, "GET /activate", PUBLIC,
			"POST /activate", PUBLIC, "GET /activate/{token}", PUBLIC, "POST /activate/{token}", PUBLIC,
			"GET /identification/{reference}", PUBLIC, "GET /identification/demo/{reference}", PUBLIC,
			"POST /identification/demo/{reference}", PUBLIC, "GET /handoff/{token}", PUBLIC, "POST /handoff/{token}",
			PUBLIC, "GET /h", PUBLIC, "POST /h", PUBLIC, "GET /h/{code}", PUBLIC, "GET /become-reseller", PUBLIC,
			"POST /become-reseller", PUBLIC, "GET /become-reseller/thanks", PUBLIC, "GET /set-password/{token}", PUBLIC,
			"POST /set-password/{token}", PUBLIC, "GET /forgot-password", PUBLIC, "POST /forgot-password", PUBLIC,
			"GET /forgot-password/sent", PUBLIC, "GET /contact", PUBLIC, "POST /contact", PUBLIC, "GET /privacy",
			PUBLIC, "GET /terms", PUBLIC, "GET /bench/ping", PUBLIC,
			// signed in: the home page (a reseller's, or staff sent on to /admin)
			"GET /", SIGNED_IN,
			// every user of a reseller: catalog, orders and documents, services, credit,
			// support, handing off to a phone
			"GET /catalog", TEAM, "GET /products/{code}", TEAM, "GET /orders", TEAM, "GET /orders/{number}", TEAM,
			"GET /orders/{number}/completed", TEAM, "GET /orders/{number}/invoice.pdf", TEAM,
			"GET /orders/{number}/credit-note.pdf", TEAM, "GET /account", TEAM, "GET /account/services", TEAM,
			"GET /account/services/{id}", TEAM, "GET /account/services/expiring", TEAM,
			"GET /account/services/expiring.csv", TEAM, "GET /account/services/reminders", TEAM, "GET /account/credit",
			TEAM, "GET /account/credit/receipts/{entryId}.pdf", TEAM, "GET /account/support", TEAM,
			"GET /account/support/{id}", TEAM, "GET /account/handoff", TEAM, "POST /account/handoff", TEAM,
			// the Titolare and the Operatori: cart, checkout, bulk orders, approvals'
			// list, associating, renewing, correcting billing data
			"GET /cart", BUYERS, "POST /cart/items", BUYERS, "POST /cart/acknowledge-prices", BUYERS,
			"POST /cart/lines/{lineId}", BUYERS, "POST /cart/lines/{lineId}/delete", BUYERS, "GET /checkout", BUYERS,
			"POST /checkout", BUYERS, "GET /account/bulk", BUYERS, "POST /account/bulk", BUYERS,
			"GET /account/bulk/sample.csv", BUYERS, "GET /account/bulk/instructions.txt", BUYERS,
			"GET /account/bulk/{id}", BUYERS, "POST /account/bulk/{id}/confirm", BUYERS,
			"GET /account/bulk/{id}/report.csv", BUYERS, "GET /account/approvals", BUYERS,
			"GET /account/services/{id}/associate", BUYERS, "POST /account/services/{id}/associate", BUYERS,
			"POST /account/services/{id}/resend", BUYERS, "POST /account/services/{id}/renew", BUYERS,
			"POST /account/services/renew", BUYERS, "POST /account/services/expiring/renew", BUYERS,
			"GET /account/services/associate-many", BUYERS, "POST /account/services/associate-many", BUYERS,
			"GET /orders/{number}/billing", BUYERS, "POST /orders/{number}/billing", BUYERS,
			// the Titolare: users, top-ups and payments, API keys and webhooks, automatic
			// renewal, deciding approvals, telling end customers of expiries
			"GET /account/team", OWNER, "POST /account/team", OWNER, "POST /account/team/approval", OWNER,
			"POST /account/team/copies", OWNER, "GET /account/team/{id}", OWNER, "POST /account/team/{id}", OWNER,
			"POST /account/team/{id}/disable", OWNER, "POST /account/team/{id}/enable", OWNER,
			"POST /account/team/{id}/remove", OWNER, "GET /account/credit/top-up", OWNER, "POST /account/credit/top-up",
			OWNER, "GET /account/credit/top-ups/{reference}", OWNER, "GET /account/payments/demo/{providerReference}",
			OWNER, "POST /account/payments/demo/{providerReference}", OWNER, "GET /account/api", OWNER,
			"POST /account/api/keys", OWNER, "POST /account/api/keys/{id}/revoke", OWNER, "GET /account/api/webhooks",
			OWNER, "POST /account/api/webhooks", OWNER, "GET /account/api/webhooks/{id}", OWNER,
			"POST /account/api/webhooks/{id}/enabled", OWNER, "POST /account/api/webhooks/{id}/delete", OWNER,
			"POST /account/api/webhooks/{id}/test", OWNER,
			"POST /account/api/webhooks/{id}/deliveries/{deliveryId}/send-again", OWNER,
			"POST /account/services/{id}/auto-renew", OWNER, "POST /account/approvals/{id}/approve", OWNER,
			"POST /account/approvals/{id}/reject", OWNER, "POST /account/services/reminders", OWNER,
			// the partner API: a key, not a session; its documentation is public
			"GET /api/v1/openapi.json", PUBLIC, "GET /api/v1/docs", PUBLIC,
			// the YAML form of the OpenAPI document is not among the public paths: a read
			// key
			"GET /api/v1/openapi.json.yaml", API_KEY, "GET /api/v1/balance", API_KEY, "GET /api/v1/catalog", API_KEY,
			"GET /api/v1/ledger", API_KEY, "GET /api/v1/orders", API_KEY, "POST /api/v1/orders", API_KEY,
			"GET /api/v1/orders/{number}", API_KEY, "GET /api/v1/orders/{number}/invoice.pdf", API_KEY,
			"GET /api/v1/orders/{number}/invoice.xml", API_KEY, "GET /api/v1/services", API_KEY,
			"GET /api/v1/services/{id}", API_KEY, "POST /api/v1/services/{id}/associate", API_KEY, "GET /api/**",
			API_KEY, "POST /api/**", API_KEY);

	/**
	 * Rows of controllers only mapped under the {@code demo} or {@code bench} profile,
	 * not in the tests: their row is still checked, since the security rules answer
	 * before any controller (a route without a controller is 404 once let through).
	 */
	static final Set<String> PROFILE_ONLY = Set.of("GET /identification/demo/{reference}",
			"POST /identification/demo/{reference}", "GET /account/payments/demo/{providerReference}",
			"POST /account/payments/demo/{providerReference}", "GET /bench/ping");

	private static Map<String, Expect> matrix(Object... rows) {
		Map<String, Expect> matrix = new java.util.LinkedHashMap<>();
		for (int i = 0; i < rows.length; i += 2) {
			assertThat(matrix.put((String) rows[i], (Expect) rows[i + 1])).as("row given twice: " + rows[i]).isNull();
		}
		return matrix;
	}

	/**
	 * The expectation of a route: its row, or for {@code /admin} (checked the same way by
	 * {@link #everyAdminRouteIsForStaffOnly}) staff only.
	 */
	static Expect expected(Route route) {
		Expect row = MATRIX.get(route.method() + " " + route.pattern());
		if (row == null && (route.pattern().equals("/admin") || route.pattern().startsWith("/admin/"))) {
			return STAFF;
		}
		return row;
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	/**
	 * Every route of every handler mapping of the application (the controllers', the
	 * actuator's, static resources, any other), by method and pattern.
	 */
	List<Route> everyMapping() {
		Set<Route> routes = new java.util.TreeSet<>();
		context.getBeansOfType(org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> addRoutes(routes, info)));
		// static resources and any other URL mapping: read with GET
		context.getBeansOfType(org.springframework.web.servlet.handler.AbstractUrlHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMap()
				.keySet()
				.forEach(pattern -> routes.add(new Route(HttpMethod.GET, concrete(pattern), pattern))));
		return new ArrayList<>(routes);
	}

	/**
	 * Issue 17: a mapped route without a row in {@link #MATRIX} fails, naming it; so does
	 * a row no route has any more.
	 */
	@Test
	void everyMappedRouteHasARow() {
		List<Route> routes = everyMapping();
		assertThat(routes).extracting(Route::pattern).contains("/", "/account/team", "/api/v1/orders", "/cart");
		assertThat(routes).filteredOn(route -> expected(route) == null)
			.as("mapped routes without a row in RouteAuthorizationIT.MATRIX (say who may call them)")
			.extracting(route -> route.method() + " " + route.pattern())
			.isEmpty();
		Set<String> mapped = new java.util.HashSet<>();
		routes.forEach(route -> mapped.add(route.method() + " " + route.pattern()));
		Set<String> rows = new java.util.HashSet<>(MATRIX.keySet());
		rows.removeAll(PROFILE_ONLY);
		assertThat(rows).as("rows of RouteAuthorizationIT.MATRIX no route has").isSubsetOf(mapped);
	}

	/**
	 * Issue 17: every mapped route, called anonymously, as staff and as each role of a
	 * reseller's team, answers as its row says. The callers go one after the other (the
	 * team first, staff last), so what one caller's POST changes cannot open or close a
	 * route to another in the middle of its turn.
	 */
	@Test
	void everyMappedRouteAnswersEveryCallerAsItsRowSays() throws Exception {
		long resellerId = reseller.resellerId();
		Map<String, ShopUser> callers = new java.util.LinkedHashMap<>();
		for (TeamRole role : TeamRole.values()) {
			callers.put(role.name(), shop.userOf(resellerId, role.name().toLowerCase() + "@test.it", role));
		}
		callers.put("anonymous", null);
		callers.put("staff", shop.staff());
		List<Route> routes = new ArrayList<>(everyMapping().stream().filter(route -> expected(route) != null).toList());
		for (String row : PROFILE_ONLY) {
			String[] methodAndPattern = row.split(" ");
			routes.add(new Route(HttpMethod.valueOf(methodAndPattern[0]), concrete(methodAndPattern[1]),
					methodAndPattern[1]));
		}
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<String, ShopUser> caller : callers.entrySet()) {
			for (Route route : routes) {
				Access expected = expected(route).of(caller.getKey());
				MockHttpServletResponse response = call(route, caller.getValue());
				Access got = accessOf(response);
				checked++;
				boolean right = expected == Access.REFUSED ? got == Access.REFUSED || got == Access.FORBIDDEN
						: got == expected;
				if (!right) {
					wrong.add(route + " " + caller.getKey() + " → " + response.getStatus() + " "
							+ response.getRedirectedUrl() + " (should be " + expected + ")");
				}
			}
		}
		assertThat(wrong).as("routes answering a caller against their row").isEmpty();
		System.out.println("ROUTES matrix=" + routes.size() + " calls=" + checked);
	}

	private static Access accessOf(MockHttpServletResponse response) {
		int status = response.getStatus();
		String redirect = String.valueOf(response.getRedirectedUrl());
		if (status == 403) {
			return Access.FORBIDDEN;
		}
		if (status == 401) {
			return Access.REFUSED;
		}
		if (status == 302 && (redirect.endsWith("/login") || redirect.contains("/login?"))) {
			return Access.LOGIN;
		}
		return Access.OK;
	}

	@Test
	void pathVariablesGetPlausibleValues() {
		assertThat(concrete("/admin/support/{id}/answer")).isEqualTo("/admin/support/1/answer");
		assertThat(concrete("/account/services/{serviceId}")).isEqualTo("/account/services/1");
		assertThat(concrete("/products/{code}")).isEqualTo("/products/X1");
		assertThat(concrete("/x/{id:\\d+}")).isEqualTo("/x/1");
	}

	record Route(HttpMethod method, String path, String pattern) implements Comparable<Route> {

		@Override
		public int compareTo(Route other) {
			return (path + " " + method).compareTo(other.path + " " + other.method);
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

}
