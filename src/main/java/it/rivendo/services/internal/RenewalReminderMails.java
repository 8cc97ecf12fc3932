package it.rivendo.services.internal;

import it.rivendo.identity.MailRecipient;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.services.internal.RenewalReminders.Due;
import it.rivendo.shared.ShopProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The renewal reminders' e-mails, written into the outbox in the reminder's transaction:
 * the reseller's of the day (in the language of its account), listing each service with a
 * link to it and to "In scadenza"; and the end customer's notice (in Italian, like the
 * shop's other e-mails to end customers), signed with the reseller's name and contacts
 * and without any link to the shop: renewing goes through the reseller.
 */
@Component
class RenewalReminderMails {

	static final String RESELLER_KIND = "RENEWAL_REMINDER";

	static final String END_CUSTOMER_KIND = "RENEWAL_NOTICE_CUSTOMER";

	private static final Locale END_CUSTOMER_LOCALE = Locale.ITALIAN;

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final String publicUrl;

	RenewalReminderMails(MailOutbox outbox, MailRenderer renderer, ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * The reseller's e-mail of the day to one user of its team, listing the services,
	 * soonest first.
	 */
	void toReseller(ResellerProfile reseller, MailRecipient recipient, List<Due> services, LocalDate day, Instant now) {
		boolean autoRenew = services.stream().anyMatch(service -> service.autoRenew() && !service.expired());
		outbox.enqueue(renderer.render(RESELLER_KIND, "reseller-" + reseller.id() + "-" + day, recipient.email(),
				recipient.locale(), "renewal-reminder", "services.reminders.mail.subject",
				new Object[] { services.size() },
				Map.of("reseller", reseller, "recipient", recipient, "services", services, "now", now, "anyAutoRenew",
						autoRenew, "serviceUrl", publicUrl + "/account/services/", "expiringUrl",
						publicUrl + "/account/services/expiring?days=90", "settingsUrl",
						publicUrl + "/account/services/reminders")));
	}

	/**
	 * The end customer's notice: the service expires (or expired today), ask the reseller
	 * to renew it.
	 */
	void toEndCustomer(ResellerProfile reseller, Due service) {
		outbox.enqueue(renderer.render(END_CUSTOMER_KIND,
				"service-"
						+ service.serviceId() + "-" + service.validUntil().toEpochMilli() + "-" + service.threshold(),
				service.customerEmail(), END_CUSTOMER_LOCALE, "renewal-customer",
				service.expired() ? "services.reminders.customer.subject.expired"
						: "services.reminders.customer.subject",
				new Object[] { service.productName().in(END_CUSTOMER_LOCALE) },
				Map.of("reseller", reseller, "service", service)));
	}

}
