package it.rivendo.handoff;

import it.rivendo.shared.Refusal;

/**
 * No handoff was created, for a {@link Reason} (its message key:
 * {@code handoff.refused.<REASON>}).
 */
public class HandoffRefusedException extends Refusal {

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
		super("handoff.refused." + reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
