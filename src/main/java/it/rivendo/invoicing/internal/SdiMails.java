package it.rivendo.invoicing.internal;

import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.invoicing.SdiReceipt;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.InLocale;
import it.rivendo.shared.ShopProperties;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The e-mail that tells a reseller its invoice was rejected by the SdI: what is wrong, in
 * words (each error code the shop knows has its sentence), and until when it can be
 * corrected and sent again with the same number.
 */
@Component
class SdiMails {

	static final String REJECTED = "SDI_REJECTED";

	/**
	 * The SdI error codes with a sentence of their own
	 * ({@code invoicing.sdi.error.<code>}).
	 */
	static final Set<String> EXPLAINED = Set.of("00001", "00002", "00200", "00305", "00306", "00311", "00400", "00404",
			"00417", "00423");

	/** The sentence that says what an error code means, as a message key. */
	static String sentenceKey(String code) {
		return "invoicing.sdi.error." + (EXPLAINED.contains(code) ? code : "unknown");
	}

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final ResellerAccounts accounts;

	private final Formats formats;

	private final String publicUrl;

	SdiMails(MailOutbox outbox, MailRenderer renderer, ResellerAccounts accounts, Formats formats,
			ShopProperties shop) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.accounts = accounts;
		this.formats = formats;
		this.publicUrl = shop.baseUrl();
	}

	/** Once per receipt (its file name is the reference). */
	void rejected(InvoiceDocument document, SdiReceipt receipt) {
		if (outbox.exists(REJECTED, receipt.fileName())) {
			return;
		}
		ResellerProfile profile = accounts.profile(document.resellerId()).orElseThrow();
		String until = InLocale.call(profile.locale(), () -> formats.dateTime(document.correctableUntil()));
		String issued = InLocale.call(profile.locale(), () -> formats.day(document.issueDate()));
		Notice notice = new Notice("invoicing.sdi.mail.rejected.subject", new Object[] { document.number() },
				profile.contactName())
			.paragraph("invoicing.sdi.mail.rejected.text", document.number(), issued,
					document.recipient().recipientName(), document.orderNumber());
		for (String code : receipt.errorCodes()) {
			if (EXPLAINED.contains(code)) {
				notice.paragraph("invoicing.sdi.error." + code);
			}
			else {
				notice.paragraph("invoicing.sdi.error.other", code);
			}
		}
		notice.paragraph("invoicing.sdi.mail.rejected.fix", until)
			.action("invoicing.sdi.mail.rejected.action",
					publicUrl + "/orders/" + UriUtils.encodePathSegment(document.orderNumber(), "UTF-8") + "/billing");
		outbox.enqueue(renderer.notice(REJECTED, receipt.fileName(), profile.email(), profile.locale(), notice));
	}

}
