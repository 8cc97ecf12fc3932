package it.rivendo.catalog;

/**
 * How long a product's service lasts once activated, and when it can be renewed: from
 * {@code renewalOpensDays} before it expires until {@code renewalGraceDays} after.
 * {@code months} is null for what does not expire (a pack of time stamps).
 */
public record ServiceTerm(Integer months, int renewalOpensDays, int renewalGraceDays) {

	/** A product without a term, with the shop's default window should it get one. */
	public static final ServiceTerm NONE = new ServiceTerm(null, 90, 0);

	public ServiceTerm {
		if (months != null && (months < 1 || months > 120)) {
			throw new IllegalArgumentException("A term is 1 to 120 months: " + months);
		}
		if (renewalOpensDays < 0 || renewalOpensDays > 365 || renewalGraceDays < 0 || renewalGraceDays > 365) {
			throw new IllegalArgumentException("A renewal window is 0 to 365 days");
		}
	}

	public static ServiceTerm months(int months, int renewalOpensDays, int renewalGraceDays) {
		return new ServiceTerm(months, renewalOpensDays, renewalGraceDays);
	}

	public boolean expires() {
		return months != null;
	}

}
