package it.rivendo.mail;

import java.util.Objects;

/** A file sent with an e-mail, e.g. an invoice PDF. */
public record MailAttachment(String filename, String contentType, byte[] content) {

	public MailAttachment {
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(contentType, "contentType");
		Objects.requireNonNull(content, "content");
	}
}
