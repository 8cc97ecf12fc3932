package it.rivendo.services;

import it.rivendo.cart.CartService;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the renewal tests (RenewalIT, AutoRenewalIT, RenewalCancellationIT,
 * ExpiringServicesIT) work with: the pages, the shop's test data and its renewal fixture,
 * the clock, the database, and the services, cart, checkout and credit they renew
 * through.
 */
@WebIntegrationTest
abstract class RenewalTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	ActivatedServices activated;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PurchasedServices services;

	@Autowired
	CartService carts;

	@Autowired
	CheckoutService checkout;

	@Autowired
	CreditLedger credit;

	/** The reseller the test works for, and its Titolare. */
	long reseller;

	ShopUser owner;

	/**
	 * The remote signature shop of {@link ActivatedServices#remoteSignatureShop}: its
	 * reseller and Titolare become {@link #reseller} and {@link #owner}.
	 */
	void openRemoteSignatureShop() {
		ActivatedServices.Reseller owned = activated.remoteSignatureShop();
		reseller = owned.id();
		owner = owned.user();
	}

}
