package it.rivendo.support;

/** A support action that cannot be done, with the message key that tells the user why. */
public class SupportException extends RuntimeException {

	private final String messageKey;

	public SupportException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
