package it.rivendo.services.internal;

import it.rivendo.shared.ShopProperties;
import it.rivendo.shared.InLocale;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
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
 * written to in Italian; resellers in the language of their account.
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
		ResellerProfile reseller = reseller(service);
		Locale resellerLocale = reseller.locale();
		outbox
			.enqueue(renderer.notice("ACTIVATED_RESELLER", "service-" + service.id(), reseller.email(), resellerLocale,
					new Notice("mail.activated.reseller.subject",
							new Object[] { service.productName().in(resellerLocale), service.customerEmail() },
							reseller.contactName())
						.paragraph("mail.activated.reseller.text", service.productName().in(resellerLocale),
								service.customerName(), service.customerEmail(), service.orderNumber())
						.action("mail.purchase.account", publicUrl + "/account/services/" + service.id())));
		Locale locale = END_CUSTOMER_LOCALE;
		outbox.enqueue(renderer.notice("ACTIVATED_CUSTOMER", "service-" + service.id(), service.customerEmail(), locale,
				new Notice("mail.activated.customer.subject", new Object[] { service.productName().in(locale) },
						service.customerName())
					.paragraph("mail.activated.customer.text", service.productName().in(locale),
							reseller.companyName())));
	}

	void identificationRefused(PurchasedService service, String reason) {
		ResellerProfile reseller = reseller(service);
		Locale locale = reseller.locale();
		outbox.enqueue(renderer.notice("IDENTIFICATION_REFUSED", "service-" + service.id(), reseller.email(), locale,
				new Notice("mail.identificationRefused.subject",
						new Object[] { service.productName().in(locale), service.customerEmail() },
						reseller.contactName())
					.paragraph("mail.identificationRefused.text", service.productName().in(locale),
							service.customerName(), service.customerEmail(), service.orderNumber())
					.paragraph("mail.identificationRefused.reason", reason)
					.paragraph("mail.identificationRefused.next")
					.action("mail.purchase.account", publicUrl + "/account/services/" + service.id())));
	}

	void deadlineReminder(long resellerId, List<PurchasedService> services) {
		ResellerProfile reseller = accounts.profile(resellerId).orElseThrow();
		Locale locale = reseller.locale();
		Notice notice = new Notice("mail.reminder.subject", new Object[] { services.size() }, reseller.contactName())
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
			.enqueue(renderer.notice("DEADLINE_REMINDER", "reseller-" + resellerId, reseller.email(), locale, notice));
	}

	/**
	 * The automatic renewal of some services could not be paid today: how much to top up
	 * so that tomorrow's run renews them all.
	 */
	void autoRenewalShortOfCredit(long resellerId, int count, Money total, Money balance, Money missing,
			LocalDate day) {
		ResellerProfile reseller = accounts.profile(resellerId).orElseThrow();
		Locale locale = reseller.locale();
		Notice notice = new Notice("services.autoRenew.mail.subject", new Object[] { money(missing, locale) },
				reseller.contactName())
			.paragraph("services.autoRenew.mail.text", count, money(total, locale), money(balance, locale))
			.paragraph("services.autoRenew.mail.topUp", money(missing, locale))
			.paragraph("services.autoRenew.mail.retry")
			.action("services.autoRenew.mail.action", publicUrl + "/account/credit");
		outbox.enqueue(renderer.notice("AUTO_RENEW_SHORT", "reseller-" + resellerId + "-" + day, reseller.email(),
				locale, notice));
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
