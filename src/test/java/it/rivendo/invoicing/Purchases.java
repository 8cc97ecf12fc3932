package it.rivendo.invoicing;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.CustomerType;
import it.rivendo.ordering.PaymentRequest;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Pays carts the way the checkout page does, with the billing data of typical recipients. */
@TestComponent
class Purchases {

	static final BillingDetails COMPANY = new BillingDetails(CustomerType.COMPANY, "Cliente Uno S.r.l.", null, null,
			"00743110157", "00743110157", "Via Dante 5", "20121", "Milano", "MI", "IT", "M5UXCR1", null);
	static final BillingDetails PERSON = new BillingDetails(CustomerType.PERSON, null, "Mario", "Rossi", null,
			"RSSMRA85T10A562S", "Via Verdi 3", "00184", "Roma", "RM", "IT", "0000000", null);
	static final BillingDetails PEC_ONLY = new BillingDetails(CustomerType.COMPANY, "Studio Bianchi S.n.c.", null,
			null, "00743110157", null, "Corso Italia 9", "10121", "Torino", "TO", "IT", "0000000",
			"studio.bianchi@pec.it");
	static final BillingDetails FOREIGN = new BillingDetails(CustomerType.COMPANY, "Müller Digital GmbH", null, null,
			"DE123456789", null, "Hauptstraße 12", "10115", "Berlin", "EE", "DE", "XXXXXXX", null);

	private final CartService carts;
	private final CheckoutService checkout;

	Purchases(CartService carts, CheckoutService checkout) {
		this.carts = carts;
		this.checkout = checkout;
	}

	/** Puts the given product/mode/quantity triples in the reseller's cart and pays it; answers the order number. */
	String pay(long resellerId, BillingDetails billing, Object... productModeQuantity) {
		for (int i = 0; i < productModeQuantity.length; i += 3) {
			carts.add(resellerId, (String) productModeQuantity[i], (IdentificationMode) productModeQuantity[i + 1],
					(Integer) productModeQuantity[i + 2]);
		}
		return checkout
			.pay(new PaymentRequest(resellerId, UUID.randomUUID().toString(), billing,
					carts.view(resellerId).totals().total(), false, "test"))
			.orderNumber();
	}
}
