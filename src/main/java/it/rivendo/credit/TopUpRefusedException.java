package it.rivendo.credit;

/** The top-up could not be made or changed; the message key says why. */
public class TopUpRefusedException extends RuntimeException {

	private final String messageKey;

	public TopUpRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
