package it.rivendo.credit;

/**
 * Where a top-up stands: waiting for the money, credited (exactly once), or cancelled by
 * staff.
 */
public enum TopUpStatus {

	PENDING, COMPLETED, CANCELLED;

	public String messageKey() {
		return "topup.status." + name();
	}

}
