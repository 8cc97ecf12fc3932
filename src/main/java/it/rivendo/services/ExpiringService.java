package it.rivendo.services;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A service in "In scadenza": its date, the calendar days left until it (negative once
 * past), and what renewing it costs the reseller today ({@code renewalPrice} and
 * {@code vatRate} are null when its product is no longer on sale in its mode).
 */
public record ExpiringService(long id, String productCode, LocalizedText productName, String familyCode,
		IdentificationMode mode, String orderNumber, String customerEmail, String customerName, ServiceStatus status,
		Instant validUntil, long daysLeft, Money renewalPrice, BigDecimal vatRate) {

	public boolean ended() {
		return status == ServiceStatus.TERM_ENDED;
	}

	public boolean priced() {
		return renewalPrice != null;
	}

}
