package it.rivendo.onboarding;

/**
 * Where an application to become a reseller stands: waiting for staff, or decided for
 * good either way.
 */
public enum ApplicationStatus {

	PENDING, APPROVED, REJECTED;

	public String messageKey() {
		return "apply.status." + name();
	}

}
