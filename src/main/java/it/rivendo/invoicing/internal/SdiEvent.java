package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.SdiReceipt;
import it.rivendo.invoicing.SdiStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A line of a document's history with the SdI: sent, a receipt (kept as received),
 * corrected. Append-only.
 */
@Entity
@Table(name = "sdi_event")
public class SdiEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private Long transmissionId;

	@Enumerated(EnumType.STRING)
	private SdiStatus status;

	private Instant happenedAt;

	private String receiptId;

	@Enumerated(EnumType.STRING)
	private SdiReceipt.Type receiptType;

	private String errorCodes;

	private String receiptXml;

	private String note;

	protected SdiEvent() {
	}

	private SdiEvent(long documentId, Long transmissionId, SdiStatus status, Instant happenedAt, String note) {
		this.documentId = documentId;
		this.transmissionId = transmissionId;
		this.status = status;
		this.happenedAt = happenedAt;
		this.note = note;
	}

	static SdiEvent of(InvoiceDocument document, Long transmissionId, Instant at, String note) {
		return new SdiEvent(document.id(), transmissionId, document.sdiStatus(), at, note);
	}

	static SdiEvent receipt(InvoiceDocument document, SdiTransmission transmission, SdiReceipt receipt, Instant at) {
		SdiEvent event = new SdiEvent(document.id(), transmission.id(), document.sdiStatus(), at, receipt.outcome());
		event.receiptId = receipt.id();
		event.receiptType = receipt.type();
		event.errorCodes = receipt.errorCodes().isEmpty() ? null : String.join(",", receipt.errorCodes());
		event.receiptXml = receipt.xml();
		return event;
	}

	public Long id() {
		return id;
	}

	public long documentId() {
		return documentId;
	}

	public SdiStatus status() {
		return status;
	}

	public Instant happenedAt() {
		return happenedAt;
	}

	public SdiReceipt.Type receiptType() {
		return receiptType;
	}

	public String errorCodes() {
		return errorCodes;
	}

	public String receiptXml() {
		return receiptXml;
	}

	public String note() {
		return note;
	}

}
