package it.rivendo.invoicing;

import java.time.Instant;
import java.util.List;

/**
 * A receipt (ricevuta or notifica) the SdI sent back about a transmitted file, as the
 * channel received it.
 *
 * @param id the channel's own id of the receipt, unique: a receipt is processed once
 * @param fileName the name of the file it is about
 * @param sdiId the SdI's identifier of that file
 * @param type what it says
 * @param outcome for {@link Type#NE}, the administration's answer: {@code EC01}
 * (accepted) or {@code EC02} (refused); otherwise null
 * @param errorCodes for {@link Type#NS}, the SdI's error codes (e.g. {@code 00305})
 * @param xml the receipt as received
 */
public record SdiReceipt(String id, String fileName, String sdiId, Type type, String outcome, List<String> errorCodes,
		String xml, Instant receivedAt) {

	public SdiReceipt {
		errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
	}

	/** The kinds of receipt of the SdI. */
	public enum Type {

		/** Ricevuta di consegna: delivered. */
		RC,
		/** Notifica di scarto: rejected, with error codes. */
		NS,
		/** Notifica di mancata consegna: valid, not delivered. */
		MC,
		/** Notifica di esito: a public administration's answer (EC01 / EC02). */
		NE,
		/** Notifica di decorrenza termini: no answer within 15 days. */
		DT

	}

	public static final String ACCEPTED = "EC01";

	public static final String REFUSED = "EC02";

}
