package it.rivendo.cart;

/** A cart line holds 1 to 99 units. */
public class QuantityOutOfRangeException extends RuntimeException {

	public QuantityOutOfRangeException(int quantity) {
		super("Quantity " + quantity + " is outside 1..99");
	}
}
