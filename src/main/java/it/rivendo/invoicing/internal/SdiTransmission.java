package it.rivendo.invoicing.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One file handed over to the SdI: a document's n-th transmission, under a file name
 * never used before. The database refuses a second row for the same attempt or name.
 */
@Entity
@Table(name = "sdi_transmission")
public class SdiTransmission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private int attempt;

	private String fileName;

	private String sdiId;

	private Instant sentAt;

	protected SdiTransmission() {
	}

	SdiTransmission(long documentId, int attempt, String fileName, String sdiId, Instant sentAt) {
		this.documentId = documentId;
		this.attempt = attempt;
		this.fileName = fileName;
		this.sdiId = sdiId;
		this.sentAt = sentAt;
	}

	public Long id() {
		return id;
	}

	public long documentId() {
		return documentId;
	}

	public int attempt() {
		return attempt;
	}

	public String fileName() {
		return fileName;
	}

	public String sdiId() {
		return sdiId;
	}

	public Instant sentAt() {
		return sentAt;
	}

}
