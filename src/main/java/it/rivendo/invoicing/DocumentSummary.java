package it.rivendo.invoicing;

import it.rivendo.shared.Money;
import java.time.LocalDate;

/**
 * A document as lists show it.
 *
 * @param sdiStatus where it stands with the SdI; null for a top-up receipt, which is not
 * sent
 */
public record DocumentSummary(long id, DocumentKind kind, String number, LocalDate issueDate, long resellerId,
		String orderNumber, String recipientName, Money total, SdiStatus sdiStatus) {
}
