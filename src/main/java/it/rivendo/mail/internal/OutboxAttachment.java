package it.rivendo.mail.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file attached to an outbox e-mail. */
@Entity
@Table(name = "mail_attachment")
public class OutboxAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int position;

	private String filename;

	private String contentType;

	private byte[] content;

	protected OutboxAttachment() {
	}

	OutboxAttachment(int position, String filename, String contentType, byte[] content) {
		this.position = position;
		this.filename = filename;
		this.contentType = contentType;
		this.content = content;
	}

	public String filename() {
		return filename;
	}

	public String contentType() {
		return contentType;
	}

	public byte[] content() {
		return content;
	}

	public int size() {
		return content.length;
	}

}
