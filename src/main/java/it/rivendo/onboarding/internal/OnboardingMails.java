package it.rivendo.onboarding.internal;

import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.ShopProperties;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The e-mails of onboarding, written into the outbox in the caller's transaction, in
 * Italian: to an applicant (the acknowledgement, the decision), to the owner of an
 * address someone applied with again, and the first staff account's link. None repeats
 * what was typed in the application form, since the address is not proven to be the
 * applicant's until the link in the approval is used.
 */
@Component
public class OnboardingMails {

	/**
	 * The kind of the first staff account's e-mail, which says where to read the link
	 * without SMTP.
	 */
	public static final String STAFF_LINK = "STAFF_PASSWORD_LINK";

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final String publicUrl;

	OnboardingMails(MailOutbox outbox, MailRenderer renderer, ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.publicUrl = shop.baseUrl();
	}

	public void received(Application application) {
		send(application, "APPLICATION_RECEIVED",
				new Notice("mail.apply.received.subject", new Object[0], null).paragraph("mail.apply.received.text")
					.paragraph("mail.apply.notYou"));
	}

	/**
	 * Tells the owner of an address that it was used to apply again: it has an account,
	 * or an application waiting.
	 * @param key the notice's message keys, {@code key.subject} and {@code key.text}
	 * @param hasAccount whether to offer the login page
	 */
	public void appliedAgain(String email, String key, boolean hasAccount) {
		Notice notice = new Notice(key + ".subject", new Object[0], null).paragraph(key + ".text")
			.paragraph("mail.apply.notYou");
		if (hasAccount) {
			notice.action("mail.apply.login", publicUrl + "/login");
		}
		send(email, "APPLICATION_NOTICE", "application-notice", notice);
	}

	/**
	 * @param token the single-use link's token for the new account to choose its password
	 */
	public void approved(Application application, String token) {
		send(application, "APPLICATION_APPROVED",
				new Notice("mail.apply.approved.subject", new Object[0], application.contactName())
					.paragraph("mail.apply.approved.text", application.billing().companyName(), application.email())
					.action("mail.apply.approved.action", passwordLink(token)));
	}

	public void rejected(Application application) {
		send(application, "APPLICATION_REJECTED",
				new Notice("mail.apply.rejected.subject", new Object[0], application.contactName())
					.paragraph("mail.apply.rejected.text", application.reason()));
	}

	/** The first staff account's single-use link to choose its password. */
	public void staffLink(String email, long userId, String token) {
		send(email, STAFF_LINK, "staff-" + userId,
				new Notice("mail.staff.link.subject", new Object[0], email).paragraph("mail.staff.link.text", email)
					.paragraph("mail.staff.link.validity")
					.action("mail.staff.link.action", passwordLink(token)));
	}

	private String passwordLink(String token) {
		return publicUrl + "/set-password/" + token;
	}

	private void send(Application application, String kind, Notice notice) {
		send(application.email(), kind, "application-" + application.id(), notice);
	}

	private void send(String to, String kind, String reference, Notice notice) {
		outbox.enqueue(renderer.notice(kind, reference, to, Locale.ITALIAN, notice));
	}

}
