package it.rivendo.support;

import it.rivendo.services.Activation;
import it.rivendo.services.EndCustomer;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceAdministration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes a bought service to Attivo the way people do: the reseller links it to an e-mail,
 * the end customer opens the e-mailed link and gives their data, staff confirm the
 * identification. Its term starts at the clock's now.
 */
@TestComponent
public class ActivatedServices {

	public static final EndCustomer MARIO = new EndCustomer("Mario", "Rossi", "RSSMRA85T10A562S", "+39 333 1234567");

	private final PurchasedServices services;

	private final Activation activation;

	private final ServiceAdministration staff;

	private final JdbcClient jdbc;

	public ActivatedServices(PurchasedServices services, Activation activation, ServiceAdministration staff,
			JdbcClient jdbc) {
		this.services = services;
		this.activation = activation;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	public void activate(long resellerId, long serviceId, String email, EndCustomer customer) {
		services.associate(resellerId, serviceId, email, null, "reseller@test.it");
		activation.start(OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/"), customer);
		staff.confirmIdentification(serviceId, null, "staff@test.it");
	}

}
