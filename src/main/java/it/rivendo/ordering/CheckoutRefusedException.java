package it.rivendo.ordering;

import it.rivendo.shared.Money;

/** The payment was not made, for a reason the reseller can act on; nothing was charged. */
public class CheckoutRefusedException extends RuntimeException {

	public enum Reason {
		/** Nothing to pay: the cart is empty, e.g. because another tab just paid it. */
		CART_EMPTY,
		/** A product in the cart is no longer on sale. */
		ITEM_UNAVAILABLE,
		/** The total is not the one the reseller confirmed (prices or cart changed meanwhile). */
		TOTAL_CHANGED
	}

	private final Reason reason;
	private final Money currentTotal;

	public CheckoutRefusedException(Reason reason, Money currentTotal) {
		super("Checkout refused: " + reason);
		this.reason = reason;
		this.currentTotal = currentTotal;
	}

	public Reason reason() {
		return reason;
	}

	public Money currentTotal() {
		return currentTotal;
	}
}
