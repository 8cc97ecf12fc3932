package it.rivendo.handoff;

/** No handoff was created. */
public class HandoffRefusedException extends RuntimeException {

	public enum Reason {
		/** Staff accounts are never handed to another device. */
		STAFF,
		/** Too many handoffs in a short time. */
		TOO_MANY,
		/** Not a page of the shop that can be continued elsewhere. */
		BAD_PAGE
	}

	private final Reason reason;

	public HandoffRefusedException(Reason reason) {
		super("Handoff refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
