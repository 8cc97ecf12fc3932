package it.rivendo.credit.internal;

import it.rivendo.credit.LedgerEntry;
import it.rivendo.credit.TopUps.BankDetails;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.InLocale;
import it.rivendo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a top-up, written into the outbox in the caller's transaction, to the
 * reseller's registered address in the language of its account: the bank details of a
 * transfer; then, once credited, one e-mail saying the payment was received and the
 * credit added, with the new balance.
 */
@Component
public class TopUpMails {

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final ResellerAccounts accounts;

	private final Formats formats;

	TopUpMails(MailOutbox outbox, MailRenderer renderer, ResellerAccounts accounts, Formats formats) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.accounts = accounts;
		this.formats = formats;
	}

	public void bankDetails(TopUp topUp, BankDetails bank) {
		ResellerProfile profile = reseller(topUp);
		send(profile, "TOPUP_BANK_DETAILS", topUp,
				new Notice("mail.topup.bank.subject", new Object[] { topUp.reference() }, profile.contactName())
					.paragraph("mail.topup.bank.text", money(topUp.amount(), profile), topUp.reference())
					.item(bank.beneficiary())
					.item("IBAN " + bank.iban())
					.item(bank.name())
					.paragraph("mail.topup.bank.timing"));
	}

	/**
	 * The payment arrived and was credited: one e-mail, the payment received and the
	 * credit added.
	 */
	public void credited(TopUp topUp, LedgerEntry entry) {
		ResellerProfile profile = reseller(topUp);
		String credited = money(entry.amount(), profile);
		send(profile, "TOPUP_CREDITED", topUp,
				new Notice("mail.topup.credited.subject", new Object[] { credited }, profile.contactName())
					.paragraph("mail.topup.received.text", credited, topUp.reference())
					.paragraph("mail.topup.credited.text", credited, money(entry.balanceAfter(), profile)));
	}

	private ResellerProfile reseller(TopUp topUp) {
		return accounts.profile(topUp.resellerId()).orElseThrow();
	}

	private void send(ResellerProfile profile, String kind, TopUp topUp, Notice notice) {
		outbox.enqueue(renderer.notice(kind, topUp.reference(), profile.email(), profile.locale(), notice));
	}

	private String money(Money amount, ResellerProfile profile) {
		return InLocale.call(profile.locale(), () -> formats.money(amount));
	}

}
