package it.rivendo.shared;

import java.util.Arrays;

/**
 * A domain rule refused what was asked, for a reason the user can act on, and nothing was
 * changed: the order is not cancellable, the top-up is below the minimum, the link was
 * used. The message key (with its arguments) says why in the reader's language. A module
 * throws it as it is, or a subclass when the caller needs more than words (the amount
 * missing, which field). The web layer answers it with its message, never a 500: on a
 * POST whose handler names a page with {@link it.rivendo.shared.web.OnRefusal}, a
 * redirect there with the message; otherwise a 409 page.
 */
public class Refusal extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public Refusal(String messageKey, Object... arguments) {
		// an expected outcome, not a fault: no stack trace to fill
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + messageKey
				+ (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)) + "]";
	}

}
