package it.rivendo.catalog;

/** The product cannot be bought with that identification mode. */
public class ModeNotAvailableException extends RuntimeException {

	public ModeNotAvailableException(String productCode, IdentificationMode mode) {
		super("Product " + productCode + " does not allow identification mode " + mode);
	}
}
