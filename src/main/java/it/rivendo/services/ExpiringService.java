package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A service in "In scadenza": its date, the calendar days left until it (negative once
 * past), and what renewing it costs the reseller today ({@code renewalPrice} and
 * {@code vatRate} are null when its product is no longer on sale in its mode), and when
 * it can be renewed.
 */
public record ExpiringService(long id, String productCode, LocalizedText productName, String familyCode,
		IdentificationMode mode, String orderNumber, String customerEmail, String customerName, ServiceStatus status,
		Instant validUntil, long daysLeft, Money renewalPrice, BigDecimal vatRate, RenewalWindow renewalWindow) {

	public boolean ended() {
		return status == ServiceStatus.TERM_ENDED;
	}

	public boolean priced() {
		return renewalPrice != null;
	}

	/**
	 * Whether "Rinnova" applies now: inside its renewal window, and its product still on
	 * sale.
	 */
	public boolean canRenew(Instant now) {
		return priced() && renewalWindow.contains(now);
	}

	/** Whether its renewal window opens later (a date to say when). */
	public boolean renewalOpensLater(Instant now) {
		return now.isBefore(renewalWindow.opens());
	}

}
