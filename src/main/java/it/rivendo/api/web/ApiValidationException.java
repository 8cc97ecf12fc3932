package it.rivendo.api.web;

import java.util.List;

/**
 * A request body the API read but cannot accept: each wrong field with its message key
 * (422).
 */
class ApiValidationException extends RuntimeException {

	private final List<FieldError> errors;

	ApiValidationException(List<FieldError> errors) {
		super("invalid request", null, false, false);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return errors;
	}

	/** A wrong field: its JSON path and why. */
	record FieldError(String field, String messageKey, Object... arguments) {
	}

}
