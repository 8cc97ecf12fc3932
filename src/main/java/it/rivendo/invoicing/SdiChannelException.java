package it.rivendo.invoicing;

/**
 * The channel to the SdI could not take a file now (the intermediary does not answer):
 * the sender tries again later.
 */
public class SdiChannelException extends RuntimeException {

	public SdiChannelException(String message, Throwable cause) {
		super(message, cause);
	}

	public SdiChannelException(String message) {
		super(message);
	}

}
