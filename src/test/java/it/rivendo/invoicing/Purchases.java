package it.rivendo.invoicing;

import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;

/**
 * The billing data of typical recipients of an invoice (orders are paid with
 * {@code TestShop.buy}).
 */
final class Purchases {

	static final BillingDetails COMPANY = new BillingDetails(CustomerType.COMPANY, "Cliente Uno S.r.l.", null, null,
			"00743110157", "00743110157", "Via Dante 5", "20121", "Milano", "MI", "IT", "M5UXCR1", null);
	static final BillingDetails PERSON = new BillingDetails(CustomerType.PERSON, null, "Mario", "Rossi", null,
			"RSSMRA85T10A562S", "Via Verdi 3", "00184", "Roma", "RM", "IT", "0000000", null);
	static final BillingDetails PEC_ONLY = new BillingDetails(CustomerType.COMPANY, "Studio Bianchi S.n.c.", null, null,
			"00743110157", null, "Corso Italia 9", "10121", "Torino", "TO", "IT", "0000000", "studio.bianchi@pec.it");
	static final BillingDetails FOREIGN = new BillingDetails(CustomerType.COMPANY, "Müller Digital GmbH", null, null,
			"DE123456789", null, "Hauptstraße 12", "10115", "Berlin", "EE", "DE", "XXXXXXX", null);

	private Purchases() {
	}

}
