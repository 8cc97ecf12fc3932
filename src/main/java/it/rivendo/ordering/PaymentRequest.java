package it.rivendo.ordering;

import it.rivendo.shared.Money;

/**
 * A reseller pays its cart.
 *
 * @param checkoutToken one per checkout form: the same form posted again finds the same
 * order
 * @param expectedTotal the total the reseller saw and confirmed
 * @param saveCustomer whether to keep the billing data in the reseller's address book
 * @param placedBy the user who pays (its monthly limit applies), or null when the shop
 * pays by itself
 */
public record PaymentRequest(long resellerId, String checkoutToken, BillingDetails billing, Money expectedTotal,
		boolean saveCustomer, String actor, Long placedBy) {

	/** A payment no user of the team makes (the shop itself, tests of the ledger). */
	public PaymentRequest(long resellerId, String checkoutToken, BillingDetails billing, Money expectedTotal,
			boolean saveCustomer, String actor) {
		this(resellerId, checkoutToken, billing, expectedTotal, saveCustomer, actor, null);
	}

}
