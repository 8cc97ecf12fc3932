package it.rivendo.ordering;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An Operatore's order waiting for (or decided by) a Titolare, as the approvals page
 * shows it.
 *
 * @param status PENDING, APPROVED, REJECTED or EXPIRED
 * @param recipient whom a cart's order is billed to (null for a bulk order)
 * @param orderNumber the order that paid it (a bulk order's first), once approved
 * @param bulk what a bulk order's request issues, or null for a cart's
 */
public record ApprovalRequest(long id, long requestedBy, String requestedByName, String status, Money total,
		String recipient, List<Item> lines, Instant createdAt, Instant expiresAt, Instant decidedAt, String decidedBy,
		String reason, String orderNumber, @Nullable Bulk bulk) {

	/**
	 * A bulk order sent for approval: its upload (the preview page), file, rows and
	 * billing customers.
	 */
	public record Bulk(long uploadId, String fileName, int rows, int customers) {
	}

	/**
	 * A requested line: units of a product in a mode, and what they cost before VAT; a
	 * renewal says which service's term it renews (null for a purchase).
	 */
	public record Item(int quantity, LocalizedText productName, IdentificationMode mode, Money lineNet,
			@Nullable RenewedTerm renewal) {
	}

	public boolean pending() {
		return "PENDING".equals(status);
	}

	/** The message key of its status: approval.status.PENDING "In attesa"... */
	public String statusKey() {
		return "approval.status." + status;
	}

}
