package it.rivendo.services;

/** Where a purchased service stands on its way to the end customer. */
public enum ServiceStatus {

	/** Bought, not yet linked to an end customer. */
	NOT_ASSOCIATED,
	/** Linked to an end customer's e-mail, waiting for activation. */
	ASSOCIATED,
	/**
	 * The end customer gave their data and consents; without an identification provider,
	 * staff confirm (or refuse) that the identification was done with the trust service
	 * provider.
	 */
	IN_VERIFICATION,
	/** Activated; valid until its term ends, if it has one. */
	ACTIVE,
	/**
	 * Never activated: the activation deadline passed first ("Non attivato in tempo").
	 */
	ACTIVATION_EXPIRED,
	/** Was active, and its term ended without a renewal ("Scaduto"). */
	TERM_ENDED, SUSPENDED, CANCELLED;

	public String messageKey() {
		return "service.status." + name();
	}

}
