package it.rivendo.onboarding;

/** The application cannot be made or decided as asked; the message key says why. */
public class ApplicationRefusedException extends RuntimeException {

	private final String messageKey;

	public ApplicationRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
