package it.rivendo.invoicing;

/**
 * Where an invoice or credit note stands with the Sistema di Interscambio (SdI), after
 * the receipts it sent back. Top-up receipts are not sent and have none.
 */
public enum SdiStatus {

	/** Da inviare: not handed over yet (or corrected after a rejection). */
	TO_SEND,
	/** Inviata: handed over, no receipt yet. */
	SENT,
	/** Consegnata: the SdI delivered it (ricevuta di consegna, RC). */
	DELIVERED,
	/**
	 * Scartata: the SdI refused the file (notifica di scarto, NS); it may be corrected
	 * and sent again with the same number and date within five days.
	 */
	REJECTED,
	/**
	 * Mancata consegna (MC): valid, but not delivered; the recipient finds it in its
	 * cassetto fiscale. For the law it is issued.
	 */
	NOT_DELIVERED,
	/** Accettata: a public administration accepted it (notifica di esito EC01). */
	ACCEPTED,
	/** Rifiutata: a public administration refused it (notifica di esito EC02). */
	REFUSED,
	/**
	 * Decorrenza termini (DT): a public administration did not answer within 15 days.
	 */
	DEADLINE_PASSED;

	public String messageKey() {
		return "invoicing.sdi.status." + name();
	}

	/** Words for the page's badge colour: done, waiting or to act on. */
	public String tone() {
		return switch (this) {
			case DELIVERED, ACCEPTED, NOT_DELIVERED, DEADLINE_PASSED -> "success";
			case REJECTED, REFUSED -> "danger";
			case TO_SEND, SENT -> "secondary";
		};
	}

}
