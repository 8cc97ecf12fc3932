package it.rivendo.ordering;

import it.rivendo.shared.Money;

/**
 * A reseller pays its cart.
 *
 * @param checkoutToken one per checkout form: the same form posted again finds the same
 * order
 * @param expectedTotal the total the reseller saw and confirmed
 * @param saveCustomer whether to keep the billing data in the reseller's address book
 */
public record PaymentRequest(long resellerId, String checkoutToken, BillingDetails billing, Money expectedTotal,
		boolean saveCustomer, String actor) {
}
