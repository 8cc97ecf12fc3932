package it.rivendo.catalog;

import it.rivendo.shared.Refusal;

/**
 * The product cannot be bought with that identification mode. A refusal of its own
 * because the product page shows it next to the mode choice, not as a page message.
 */
public class ModeNotAvailableException extends Refusal {

	public ModeNotAvailableException(String productCode, IdentificationMode mode) {
		super("cart.mode.notAllowed", productCode, mode);
	}

}
