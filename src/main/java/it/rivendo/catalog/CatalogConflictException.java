package it.rivendo.catalog;

/** A staff edit that clashes with the catalog (e.g. a code already in use), naming the form field and the message. */
public class CatalogConflictException extends RuntimeException {

	private final String field;
	private final String messageKey;

	public CatalogConflictException(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}
