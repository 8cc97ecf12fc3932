package it.rivendo.invoicing;

import it.rivendo.shared.Money;
import java.time.LocalDate;

/** A document as lists show it. */
public record DocumentSummary(long id, DocumentKind kind, String number, LocalDate issueDate, long resellerId,
		String orderNumber, String recipientName, Money total) {
}
