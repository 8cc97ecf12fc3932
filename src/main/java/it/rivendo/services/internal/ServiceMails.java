package it.rivendo.services.internal;

import it.rivendo.shared.ShopProperties;
import it.rivendo.shared.InLocale;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.MailRecipient;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.identity.TeamRecipients;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import java.time.Instant;
import java.time.LocalDate;
import it.rivendo.shared.Money;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a service's life, written into the outbox in the caller's transaction:
 * the activation link to the end customer, "activated" to both sides, an identification
 * staff could not confirm and the deadline reminder to the reseller. End customers are
 * written to in Italian. The reseller's side goes to the user of its team who bought the
 * service, with the Titolari's copies (issue 17, {@link TeamRecipients}), each in its own
 * language.
 */
@Component
class ServiceMails {

	private static final Locale END_CUSTOMER_LOCALE = Locale.ITALIAN;

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final ResellerAccounts accounts;

	private final MessageSource messages;

	private final Formats formats;

	private final String publicUrl;

	ServiceMails(MailOutbox outbox, MailRenderer renderer, ResellerAccounts accounts, MessageSource messages,
			Formats formats, ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.accounts = accounts;
		this.messages = messages;
		this.formats = formats;
		this.publicUrl = shop.baseUrl();
	}

	void activationLink(PurchasedService service, String token, Instant expiresAt) {
		ResellerProfile reseller = reseller(service);
		Locale locale = END_CUSTOMER_LOCALE;
		String greeting = service.customerName() == null ? service.customerEmail() : service.customerName();
		Notice notice = new Notice("mail.activation.subject", new Object[] { service.productName().in(locale) },
				greeting)
			.paragraph("mail.activation.intro", reseller.companyName(), service.productName().in(locale),
					mode(service, locale))
			.paragraph("activation.mode." + service.mode())
			.paragraph("mail.activation.expiry", date(expiresAt, locale), date(service.activationDeadline(), locale))
			.action("mail.activation.action", publicUrl + "/activate/" + token);
		outbox.enqueue(
				renderer.notice("ACTIVATION_LINK", "service-" + service.id(), service.customerEmail(), locale, notice));
	}

	void activated(PurchasedService service) {
		for (MailRecipient recipient : teamOf(service)) {
			Locale locale = recipient.locale();
			outbox.enqueue(renderer.notice("ACTIVATED_RESELLER", "service-" + service.id(), recipient.email(), locale,
					new Notice("mail.activated.reseller.subject",
							new Object[] { service.productName().in(locale), service.customerEmail() },
							recipient.name())
						.paragraph("mail.activated.reseller.text", service.productName().in(locale),
								service.customerName(), service.customerEmail(), service.orderNumber())
						.action("mail.purchase.account", publicUrl + "/account/services/" + service.id())));
		}
		ResellerProfile reseller = reseller(service);
		Locale locale = END_CUSTOMER_LOCALE;
		outbox.enqueue(renderer.notice("ACTIVATED_CUSTOMER", "service-" + service.id(), service.customerEmail(), locale,
				new Notice("mail.activated.customer.subject", new Object[] { service.productName().in(locale) },
						service.customerName())
					.paragraph("mail.activated.customer.text", service.productName().in(locale),
							reseller.companyName())));
	}

	void identificationRefused(PurchasedService service, String reason) {
		for (MailRecipient recipient : teamOf(service)) {
			Locale locale = recipient.locale();
			outbox
				.enqueue(renderer.notice("IDENTIFICATION_REFUSED", "service-" + service.id(), recipient.email(), locale,
						new Notice("mail.identificationRefused.subject",
								new Object[] { service.productName().in(locale), service.customerEmail() },
								recipient.name())
							.paragraph("mail.identificationRefused.text", service.productName().in(locale),
									service.customerName(), service.customerEmail(), service.orderNumber())
							.paragraph("mail.identificationRefused.reason", reason)
							.paragraph("mail.identificationRefused.next")
							.action("mail.purchase.account", publicUrl + "/account/services/" + service.id())));
		}
	}

	/**
	 * One e-mail per recipient listing the reseller's services whose activation deadline
	 * is near: each user of the team its own, each Titolare per its copies (see
	 * {@link TeamRecipients#split}).
	 */
	void deadlineReminder(long resellerId, List<PurchasedService> services) {
		accounts.recipients(resellerId)
			.split(services, PurchasedService::placedByUserId)
			.forEach((recipient, theirs) -> deadlineReminder(resellerId, recipient, theirs));
	}

	private void deadlineReminder(long resellerId, MailRecipient recipient, List<PurchasedService> services) {
		Locale locale = recipient.locale();
		Notice notice = new Notice("mail.reminder.subject", new Object[] { services.size() }, recipient.name())
			.paragraph("mail.reminder.text", services.size())
			.action("mail.purchase.account", publicUrl + "/account/services");
		for (PurchasedService service : services) {
			notice.item(messages.getMessage("mail.reminder.item",
					new Object[] { service.productName().in(locale), mode(service, locale), service.orderNumber(),
							service.customerEmail() == null ? "—" : service.customerEmail(),
							date(service.activationDeadline(), locale) },
					locale));
		}
		outbox
			.enqueue(renderer.notice("DEADLINE_REMINDER", "reseller-" + resellerId, recipient.email(), locale, notice));
	}

	/**
	 * The automatic renewal of some services could not be paid today: how much to top up
	 * so that tomorrow's run renews them all.
	 */
	void autoRenewalShortOfCredit(long resellerId, int count, Money total, Money balance, Money missing,
			LocalDate day) {
		// the Titolari top up: to every one of them
		for (MailRecipient recipient : accounts.recipients(resellerId).owners()) {
			Locale locale = recipient.locale();
			Notice notice = new Notice("services.autoRenew.mail.subject", new Object[] { money(missing, locale) },
					recipient.name())
				.paragraph("services.autoRenew.mail.text", count, money(total, locale), money(balance, locale))
				.paragraph("services.autoRenew.mail.topUp", money(missing, locale))
				.paragraph("services.autoRenew.mail.retry")
				.action("services.autoRenew.mail.action", publicUrl + "/account/credit");
			outbox.enqueue(renderer.notice("AUTO_RENEW_SHORT", "reseller-" + resellerId + "-" + day, recipient.email(),
					locale, notice));
		}
	}

	/**
	 * Whom the e-mails about a service go to: the user of the team who bought it, and the
	 * Titolari's copies.
	 */
	private List<MailRecipient> teamOf(PurchasedService service) {
		return accounts.recipients(service.resellerId()).of(service.placedByUserId());
	}

	private String money(Money amount, Locale locale) {
		return InLocale.call(locale, () -> formats.money(amount));
	}

	private ResellerProfile reseller(PurchasedService service) {
		return accounts.profile(service.resellerId()).orElseThrow();
	}

	private String mode(PurchasedService service, Locale locale) {
		return messages.getMessage(service.mode().messageKey(), null, locale);
	}

	private String date(Instant instant, Locale locale) {
		return InLocale.call(locale, () -> formats.date(instant));
	}

}
