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
		mappings.getHandlerMethods().forEach((info, method) -> {
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
		});
		return new ArrayList<>(routes);
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
