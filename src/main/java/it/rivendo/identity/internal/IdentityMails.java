package it.rivendo.identity.internal;

import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.ShopProperties;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The e-mails of identity, written into the outbox in the caller's transaction. */
@Component
public class IdentityMails {

	public static final String PASSWORD_RESET = "PASSWORD_RESET";

	public static final String TEAM_INVITATION = "TEAM_INVITATION";

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final String publicUrl;

	private final Clock clock;

	IdentityMails(MailOutbox outbox, MailRenderer renderer, ShopProperties shop, Clock clock) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.publicUrl = shop.baseUrl();
		this.clock = clock;
	}

	/**
	 * A new user of a reseller's team: who invited it, and the link to choose a password.
	 */
	public void invitation(UserAccount user, Locale locale, String token, String ownerName, String company) {
		Notice notice = new Notice("mail.team.subject", new Object[] { company }, user.displayName())
			.paragraph("mail.team.text", ownerName, company, user.email())
			.paragraph("mail.team.role." + user.teamRole().name())
			.paragraph("mail.team.validity")
			.action("mail.team.action", publicUrl + "/set-password/" + token);
		outbox.enqueue(renderer.notice(TEAM_INVITATION, "user-" + user.id(), user.email(), locale, notice));
	}

	/** The link to choose a new password, after "Password dimenticata?". */
	public void passwordReset(UserAccount user, Locale locale, String token) {
		Notice notice = new Notice("mail.reset.subject", new Object[0], user.displayName())
			.paragraph("mail.reset.text", user.email())
			.paragraph("mail.reset.validity")
			.paragraph("mail.reset.notYou")
			.action("mail.reset.action", publicUrl + "/set-password/" + token);
		outbox.enqueue(renderer.notice(PASSWORD_RESET, "user-" + user.id() + "-" + clock.millis(), user.email(), locale,
				notice));
	}

}
