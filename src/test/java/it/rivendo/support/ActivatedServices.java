package it.rivendo.support;

import static it.rivendo.catalog.IdentificationMode.SPID;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.identity.ShopUser;
import it.rivendo.services.Activation;
import it.rivendo.services.EndCustomer;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceAdministration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The renewal tests' fixture. Takes a bought service to Attivo the way people do: the
 * reseller links it to an e-mail, the end customer opens the e-mailed link and gives
 * their data, staff confirm the identification; its term starts at the clock's now. And
 * the shop most renewal tests start from: a remote signature with a 12-month term, a
 * reseller with credit, and the clock moved into the renewal window.
 */
@TestComponent
public class ActivatedServices {

	public static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567");

	/** From an activation into the last 35 days of a 12-month term, renewable. */
	public static final Duration INTO_THE_WINDOW = Duration.ofDays(330);

	private final TestShop shop;

	private final PurchasedServices services;

	private final Activation activation;

	private final ServiceAdministration staff;

	private final JdbcClient jdbc;

	private final MutableClock clock;

	public ActivatedServices(TestShop shop, PurchasedServices services, Activation activation,
			ServiceAdministration staff, JdbcClient jdbc, MutableClock clock) {
		this.shop = shop;
		this.services = services;
		this.activation = activation;
		this.staff = staff;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Tier BASE (no discount), family FIRMA and its product REMOTA (39,00 € with SPID),
	 * valid 12 months, renewable from 90 days before its expiry and not after it; and a
	 * reseller {@code owner@test.it} in BASE with 500,00 € of credit.
	 */
	public Reseller remoteSignatureShop() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		long id = shop.reseller("owner@test.it", "BASE", "500.00");
		return new Reseller(id, shop.userOf(id, "owner@test.it"));
	}

	/** Buys one unit, links it to {@code email} and activates it; answers its id. */
	public long buyAndActivate(long resellerId, String productCode, IdentificationMode mode, String email) {
		long id = serviceOf(shop.buy(resellerId, productCode, mode, 1));
		activate(resellerId, id, email, MARIO);
		return id;
	}

	/**
	 * Buys and activates one {@code REMOTA} of {@link #remoteSignatureShop} (with SPID)
	 * for an end customer of its own; answers its id.
	 */
	public long remoteSignature(long resellerId) {
		return buyAndActivate(resellerId, "REMOTA", SPID, "cliente" + UUID.randomUUID() + "@test.it");
	}

	public void activate(long resellerId, long serviceId, String email, EndCustomer customer) {
		services.associate(resellerId, serviceId, email, null, "reseller@test.it");
		activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/"), customer);
		staff.confirmIdentification(serviceId, null, "staff@test.it");
	}

	/** The one service an order bought. */
	public long serviceOf(String orderNumber) {
		return jdbc.sql("select id from purchased_service where order_number = ?")
			.param(orderNumber)
			.query(Long.class)
			.single();
	}

	/**
	 * Puts the service's renewal into the reseller's cart and pays the cart as the
	 * checkout page does; answers the order number.
	 */
	public String renew(long resellerId, long serviceId) {
		services.addRenewalsToCart(shop.owner(resellerId), List.of(serviceId));
		return shop.pay(resellerId);
	}

	/** How many renewals there are, cancelled ones included. */
	public long renewals() {
		return jdbc.sql("select count(*) from service_renewal").query(Long.class).single();
	}

	/** Moves the shop's clock to {@code instant}. */
	public void moveTo(Instant instant) {
		clock.advance(Duration.between(clock.instant(), instant));
	}

	/** A reseller and its signed-in user. */
	public record Reseller(long id, ShopUser user) {
	}

}
