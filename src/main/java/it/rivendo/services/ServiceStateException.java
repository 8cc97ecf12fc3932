package it.rivendo.services;

/** The service is not in a state that allows this: the message key says why, in words a person understands. */
public class ServiceStateException extends RuntimeException {

	private final String messageKey;

	public ServiceStateException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
