package it.rivendo.credit;

import it.rivendo.shared.Money;

/**
 * The card payment provider. The shop sends the reseller there with {@link #start} and
 * learns the outcome through {@link TopUps#cardPaid}, which credits once however often
 * the provider calls back. A real provider plugs in as a bean implementing this. The shop
 * ships a simulated one, labelled as such, in the {@code demo} profile only; without a
 * provider, card top-ups are not offered (bank transfer only).
 */
public interface PaymentProvider {

	String name();

	boolean demo();

	/**
	 * @return where the reseller's browser goes to pay
	 */
	String start(String providerReference, Money amount, String description);

}
