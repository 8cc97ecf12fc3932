package it.rivendo.webhooks.internal;

import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.InLocale;
import it.rivendo.shared.ShopProperties;
import org.springframework.stereotype.Component;

/** The webhooks' e-mails, written into the outbox in the caller's transaction. */
@Component
class WebhookMails {

	static final String TURNED_OFF = "WEBHOOK_TURNED_OFF";

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final ResellerAccounts accounts;

	private final Formats formats;

	private final String publicUrl;

	WebhookMails(MailOutbox outbox, MailRenderer renderer, ResellerAccounts accounts, Formats formats,
			ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.accounts = accounts;
		this.formats = formats;
		this.publicUrl = shop.baseUrl();
	}

	/** Tells the reseller that an endpoint failing for days was turned off. */
	void endpointTurnedOff(WebhookEndpoint endpoint) {
		ResellerProfile profile = accounts.profile(endpoint.resellerId()).orElseThrow();
		String since = InLocale.call(profile.locale(), () -> formats.dateTime(endpoint.failingSince()));
		outbox.enqueue(renderer.notice(TURNED_OFF, "webhook-" + endpoint.id(), profile.email(), profile.locale(),
				new Notice("mail.webhooks.turnedOff.subject", new Object[0], profile.contactName())
					.paragraph("mail.webhooks.turnedOff.text", endpoint.url(), since)
					.paragraph("mail.webhooks.turnedOff.next")
					.action("mail.webhooks.turnedOff.action", publicUrl + "/account/api/webhooks/" + endpoint.id())));
	}

}
