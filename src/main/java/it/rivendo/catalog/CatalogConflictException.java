package it.rivendo.catalog;

import it.rivendo.shared.Refusal;

/**
 * A staff edit that clashes with the catalog (e.g. a code already in use): a refusal that
 * names the form field, so that the form shows the message next to it.
 */
public class CatalogConflictException extends Refusal {

	private final String field;

	public CatalogConflictException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
