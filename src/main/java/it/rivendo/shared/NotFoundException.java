package it.rivendo.shared;

/**
 * Something the user asked for does not exist, or is not theirs: both answer 404 and
 * reveal nothing.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
