package it.rivendo.handoff.internal;

/**
 * Where a handoff token stands. Not stored: it follows from when the token was used and
 * when it expires.
 */
public enum HandoffStatus {

	/** Can still be used, once. */
	OPEN,
	/**
	 * Used by a device (or spent by a refused attempt after it was claimed); never again.
	 */
	USED,
	/** Its 5 minutes are over, unused. */
	EXPIRED

}
