package it.rivendo.ordering;

import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;

/**
 * The payment was not made, for a reason the reseller can act on; nothing was charged. A
 * refusal that says which reason, because the checkout page answers each its own way (an
 * empty cart goes back to the cart, a changed total asks to confirm the new one).
 */
public class CheckoutRefusedException extends Refusal {

	public enum Reason {

		/** Nothing to pay: the cart is empty, e.g. because another tab just paid it. */
		CART_EMPTY("checkout.cart.empty"),
		/** A product in the cart is no longer on sale. */
		ITEM_UNAVAILABLE("checkout.cart.unavailable"),
		/**
		 * The total is not the one the reseller confirmed (prices or cart changed
		 * meanwhile).
		 */
		TOTAL_CHANGED("checkout.total.changed");

		private final String messageKey;

		Reason(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	private final Reason reason;

	private final Money currentTotal;

	public CheckoutRefusedException(Reason reason, Money currentTotal) {
		super(reason.messageKey());
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
