package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * A purchased service as the customer area and the staff pages list it.
 * {@code validUntil} is null until it is activated, and for a service without a term;
 * {@code renewalWindow} is null when it cannot be renewed at all (not running nor ended,
 * or no term).
 */
public record ServiceView(long id, long resellerId, String productCode, LocalizedText productName,
		IdentificationMode mode, String orderNumber, Instant purchasedAt, Money pricePaid, String customerEmail,
		String customerName, ServiceStatus status, Instant activationDeadline, Instant activatedAt,
		Instant suspendedUntil, String statusReason, boolean canAssociate, boolean canChangeAssociation,
		Instant validUntil, int renewalOpensDays, RenewalWindow renewalWindow, boolean autoRenew, Long placedByUserId) {

	private static final Set<ServiceStatus> RUNNING = EnumSet.of(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED);

	/** Whole days left to activate, or -1 once it no longer applies. */
	public long daysLeft(Instant now) {
		if (status != ServiceStatus.NOT_ASSOCIATED && status != ServiceStatus.ASSOCIATED) {
			return -1;
		}
		return Math.max(0, Duration.between(now, activationDeadline).toDays());
	}

	/** Whether "Rinnova" applies now: inside its renewal window. */
	public boolean canRenew(Instant now) {
		return renewalWindow != null && renewalWindow.contains(now);
	}

	/** Whether "Rinnovo automatico" can be turned on or off: running, with a term. */
	public boolean canAutoRenew() {
		return renewalWindow != null && RUNNING.contains(status);
	}

	/** Whether "Valido fino al …" applies: running or ended, with a term. */
	public boolean showsValidity() {
		return validUntil != null && (RUNNING.contains(status) || status == ServiceStatus.TERM_ENDED);
	}

	/**
	 * Calendar days (in the shop's time zone) until it expires, once inside the renewal
	 * window; -1 before the window opens, and when it is not running or has no term.
	 */
	public long daysToExpiry(Instant now) {
		if (validUntil == null || !RUNNING.contains(status)) {
			return -1;
		}
		long days = Math.max(0, ChronoUnit.DAYS.between(now.atZone(Formats.SHOP_ZONE).toLocalDate(),
				validUntil.atZone(Formats.SHOP_ZONE).toLocalDate()));
		return days <= renewalOpensDays ? days : -1;
	}
}
