package it.rivendo.ordering;

/** The order cannot be cancelled: the message key says why (not paid, already cancelled, no reason given). */
public class OrderNotCancellableException extends RuntimeException {

	private final String messageKey;

	public OrderNotCancellableException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
