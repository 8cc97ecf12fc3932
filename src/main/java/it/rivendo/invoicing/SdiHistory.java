package it.rivendo.invoicing;

import java.time.Instant;

/**
 * A line of a document's history with the SdI, as pages show it.
 *
 * @param receiptType the receipt that caused it (RC, NS...), null for "sent"
 * @param errorCodes the SdI's error codes of a rejection, comma-separated
 * @param detail the file name of a transmission, the answer of an administration
 */
public record SdiHistory(long id, Instant at, SdiStatus status, SdiReceipt.Type receiptType, String errorCodes,
		String detail, boolean hasReceipt) {
}
