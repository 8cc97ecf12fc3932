package it.rivendo.services.internal;

import it.rivendo.ordering.RenewalCheck;
import it.rivendo.ordering.RenewedTerm;
import it.rivendo.shared.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells ordering whether a renewal an Operatore's request holds can still be paid (issue
 * 17): the service is the reseller's, still expires on the date the renewal was priced
 * for (not renewed meanwhile, by hand or automatically), and may be renewed today.
 */
@Component
class RenewalChecks implements RenewalCheck {

	private final PurchasedServiceRepository services;

	RenewalChecks(PurchasedServiceRepository services) {
		this.services = services;
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String refusal(long resellerId, RenewedTerm term, Instant now) {
		PurchasedService service = services.findByIdAndResellerId(term.serviceId(), resellerId).orElse(null);
		if (service == null) {
			return "service.error.notRenewable";
		}
		if (service.validUntil() == null || !service.validUntil()
			.truncatedTo(ChronoUnit.MICROS)
			.equals(term.validUntil().truncatedTo(ChronoUnit.MICROS))) {
			return service.renewalWindow() == null ? "service.error.notRenewable" : "service.error.alreadyRenewed";
		}
		try {
			service.requireRenewalOpen(now);
			return null;
		}
		catch (Refusal refused) {
			return refused.messageKey();
		}
	}

}
