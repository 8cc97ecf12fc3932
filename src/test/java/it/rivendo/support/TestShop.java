package it.rivendo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.catalog.CatalogManagement.NewProduct;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.NewReseller;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.Role;
import it.rivendo.identity.ShopUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import it.rivendo.identity.TeamRole;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.CustomerType;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Small builders of shop data for tests: tiers, products, resellers with credit. */
@TestComponent
public class TestShop {

	public static final String PASSWORD = "test-password-1";

	/** Whom the tests' orders are billed to, unless a test says otherwise. */
	public static final BillingDetails CUSTOMER = new BillingDetails(CustomerType.COMPANY, "Cliente S.r.l.", null, null,
			"01114601006", null, "Via Roma 1", "00186", "Roma", "RM", "IT", "M5UXCR1", null);

	private final CatalogManagement catalog;

	private final ResellerAccounts accounts;

	private final CreditLedger credit;

	private final CartService carts;

	private final CheckoutService checkout;

	private final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	public TestShop(CatalogManagement catalog, ResellerAccounts accounts, CreditLedger credit, CartService carts,
			CheckoutService checkout, JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.catalog = catalog;
		this.accounts = accounts;
		this.credit = credit;
		this.carts = carts;
		this.checkout = checkout;
	}

	/** A base tier at 0% (every catalog needs one) plus the given tier. */
	public TestShop tier(String code, String percent) {
		catalog.addTier(code, new LocalizedText(code, code), new BigDecimal(percent), sequence.incrementAndGet());
		return this;
	}

	public TestShop family(String code) {
		catalog.addFamily(code, new LocalizedText("Famiglia " + code, "Family " + code), sequence.incrementAndGet());
		return this;
	}

	/**
	 * A product at 22% VAT with the given mode/price pairs, e.g.
	 * {@code product("FR1", "FAM", SPID, "39.00")}.
	 */
	public long product(String code, String family, Object... modeAndPrice) {
		return product(code, family, "22.00", modeAndPrice);
	}

	public long product(String code, String family, String vatRate, Object... modeAndPrice) {
		Map<IdentificationMode, Money> prices = new LinkedHashMap<>();
		for (int i = 0; i < modeAndPrice.length; i += 2) {
			prices.put((IdentificationMode) modeAndPrice[i], Money.of((String) modeAndPrice[i + 1]));
		}
		return catalog.addProduct(new NewProduct(code, family, new LocalizedText("Prodotto " + code, "Product " + code),
				new LocalizedText("Descrizione " + code, "Description " + code),
				new LocalizedText("Istruzioni di attivazione " + code, "Activation instructions " + code),
				new BigDecimal(vatRate), sequence.incrementAndGet(), prices));
	}

	/**
	 * A reseller in a tier with an opening credit; its login is {@code email} with
	 * {@link #PASSWORD}.
	 */
	public long reseller(String email, String tierCode, String openingCredit) {
		long id = accounts
			.openReseller(new NewReseller(
					new BillingAddress("Azienda " + email, "00743110157", "00743110157", "Via Roma 1", "20121",
							"Milano", "MI", "IT", "M5UXCR1", null),
					"+39 02 0000000", email, "Referente " + email, PASSWORD, "it"));
		catalog.placeInTier(id, tierCode, true, "test"); // pinned: the opening top-up
															// must not move it
		if (Money.of(openingCredit).isPositive()) {
			credit.credit(id, EntryKind.TOPUP, Money.of(openingCredit), "TEST", "Ricarica di test", "test");
		}
		return id;
	}

	/**
	 * Buys one product for {@link #CUSTOMER}, as the checkout page does; answers the
	 * order number.
	 */
	public String buy(long resellerId, String productCode, IdentificationMode mode, int quantity) {
		return buy(resellerId, CUSTOMER, productCode, mode, quantity);
	}

	/**
	 * Puts the given product/mode/quantity triples in the reseller's cart and pays it as
	 * the checkout page does (the total the reseller saw, a new checkout token); answers
	 * the order number.
	 */
	public String buy(long resellerId, BillingDetails billing, Object... productModeQuantity) {
		return buy(owner(resellerId), billing, productModeQuantity);
	}

	/**
	 * Puts the given product/mode/quantity triples in the user's cart and pays it as the
	 * checkout page does; answers the order number.
	 */
	public String buy(ShopUser user, BillingDetails billing, Object... productModeQuantity) {
		for (int i = 0; i < productModeQuantity.length; i += 3) {
			carts.add(user, (String) productModeQuantity[i], (IdentificationMode) productModeQuantity[i + 1],
					(Integer) productModeQuantity[i + 2]);
		}
		return pay(user, billing);
	}

	/**
	 * Pays what is in the cart of the reseller's Titolare as the checkout page does;
	 * answers the order number.
	 */
	public String pay(long resellerId) {
		return pay(owner(resellerId), CUSTOMER);
	}

	private String pay(ShopUser user, BillingDetails billing) {
		return checkout
			.pay(new PaymentRequest(user.resellerId(), UUID.randomUUID().toString(), billing,
					carts.view(user).totals().total(), false, user.email(), user.userId()))
			.orderNumber();
	}

	/** The signed-in user of a reseller, for MockMvc's {@code with(user(...))}. */
	public ShopUser userOf(long resellerId, String email) {
		return userOf(resellerId, email, TeamRole.OWNER);
	}

	/**
	 * A user of the reseller's team with the role, as it signs in: the stored user with
	 * that e-mail, else one added to the team with that role (carts and orders are kept
	 * per user, so it must exist); only without such a reseller, one not stored.
	 */
	public ShopUser userOf(long resellerId, String email, TeamRole teamRole) {
		Long stored = jdbc.sql("select id from user_account where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (stored != null) {
			return accounts.login(stored).orElseThrow();
		}
		boolean resellerExists = jdbc.sql("select count(*) from reseller where id = ?")
			.param(resellerId)
			.query(Integer.class)
			.single() > 0;
		if (resellerExists) {
			return member(resellerId, email, teamRole, null, true);
		}
		return new ShopUser(resellerId * 1000 + teamRole.ordinal(), resellerId, email, "Referente " + email,
				Role.RESELLER, teamRole, true, "n/a");
	}

	/**
	 * Adds a user with {@link #PASSWORD} to the reseller's team (as an invitation taken
	 * up would); answers it as it signs in.
	 * @param monthlyLimit an Operatore's limit, or null
	 */
	public ShopUser member(long resellerId, String email, TeamRole role, String monthlyLimit, boolean seesAll) {
		long id = jdbc.sql("""
				insert into user_account (email, password_hash, display_name, role, team_role, reseller_id,
				                          monthly_limit, sees_all_services)
				values (?, ?, ?, 'RESELLER', ?, ?, ?, ?) returning id""")
			.params(email, passwords.encode(PASSWORD), "Utente " + email, role.name(), resellerId,
					monthlyLimit == null ? null : new java.math.BigDecimal(monthlyLimit), seesAll)
			.query(Long.class)
			.single();
		return accounts.login(id).orElseThrow();
	}

	/** The reseller's first login (its Titolare) as it signs in, with its real id. */
	public ShopUser owner(long resellerId) {
		return accounts
			.login(jdbc.sql("select min(id) from user_account where reseller_id = ?")
				.param(resellerId)
				.query(Long.class)
				.single())
			.orElseThrow();
	}

	/** Signs in through the login form as a browser does; answers the session cookie. */
	public static Cookie login(MockMvc mvc, String email) throws Exception {
		Cookie cookie = mvc.perform(
				MockMvcRequestBuilders.post("/login").param("email", email).param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(cookie).as("session cookie after signing in as " + email).isNotNull();
		return cookie;
	}

	/**
	 * The checkout form as the page posts it (with its CSRF token), billed to a company
	 * in Rome.
	 */
	public static MockHttpServletRequestBuilder checkoutForm(String token, String expectedTotal) {
		return MockMvcRequestBuilders.post("/checkout")
			.with(csrf())
			.param("token", token)
			.param("expectedTotal", expectedTotal)
			.param("customerType", "COMPANY")
			.param("companyName", "Cliente Finale S.r.l.")
			.param("vatNumber", "01114601006")
			.param("street", "Via del Corso 12")
			.param("postalCode", "00186")
			.param("city", "Roma")
			.param("province", "RM")
			.param("country", "IT")
			.param("sdiCode", "M5UXCR1")
			.param("confirmed", "true");
	}

	public ShopUser staff() {
		return new ShopUser(999_999, null, "staff@test.it", "Staff", Role.STAFF, true, "n/a");
	}

	public CatalogManagement catalog() {
		return catalog;
	}

}
