package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for renewals (RenewalRemindersIT; the other renewal tests use
 * support.ActivatedServices): a service bought, associated and activated the way the shop
 * does it (the end customer identified, staff confirming).
 */
class ActiveServices {

	static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567");

	private final TestShop shop;

	private final JdbcClient jdbc;

	private final PurchasedServices services;

	private final Activation activation;

	private final ServiceAdministration staff;

	ActiveServices(TestShop shop, JdbcClient jdbc, PurchasedServices services, Activation activation,
			ServiceAdministration staff) {
		this.shop = shop;
		this.jdbc = jdbc;
		this.services = services;
		this.activation = activation;
		this.staff = staff;
	}

	/** Buys one unit, links it to {@code email} and activates it; answers its id. */
	long activate(long resellerId, String productCode, IdentificationMode mode, String email) {
		long id = serviceOf(shop.buy(resellerId, productCode, mode, 1));
		services.associate(resellerId, id, email, null, "owner@test.it");
		activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/"), MARIO);
		staff.confirmIdentification(id, null, "staff@test.it");
		return id;
	}

	/** The one service an order bought. */
	long serviceOf(String orderNumber) {
		return jdbc.sql("select id from purchased_service where order_number = ?")
			.param(orderNumber)
			.query(Long.class)
			.single();
	}

}
