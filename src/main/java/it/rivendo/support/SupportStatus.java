package it.rivendo.support;

/** Where a support request stands: waiting for staff, answered, or closed for good. */
public enum SupportStatus {

	OPEN, ANSWERED, CLOSED;

	public String messageKey() {
		return "support.status." + name();
	}

	/** The status named by a filter parameter, or none for blank or unknown values. */
	public static SupportStatus parse(String value) {
		for (SupportStatus status : values()) {
			if (status.name().equals(value)) {
				return status;
			}
		}
		return null;
	}

}
