package it.rivendo.credit;

/** How a top-up is paid. */
public enum PaymentMethod {

	/** Bank transfer: pending until staff see the money arrive (up to 5 working days). */
	BANK,
	/** Card, through the payment provider: credited as soon as the provider confirms. */
	CARD

}
