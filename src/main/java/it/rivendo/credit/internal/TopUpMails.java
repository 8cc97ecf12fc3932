package it.rivendo.credit.internal;

import it.rivendo.credit.LedgerEntry;
import it.rivendo.credit.TopUps.BankDetails;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.MailRecipient;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.InLocale;
import it.rivendo.shared.Money;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a top-up, written into the outbox in the caller's transaction, to the
 * Titolare who asked for it (and the other Titolari's copies, issue 17), each in its own
 * language: the bank details of a transfer; then, once credited, one e-mail saying the
 * payment was received and the credit added, with the new balance.
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
		for (MailRecipient recipient : recipients(topUp)) {
			send(recipient, "TOPUP_BANK_DETAILS", topUp,
					new Notice("mail.topup.bank.subject", new Object[] { topUp.reference() }, recipient.name())
						.paragraph("mail.topup.bank.text", money(topUp.amount(), recipient), topUp.reference())
						.item(bank.beneficiary())
						.item("IBAN " + bank.iban())
						.item(bank.name())
						.paragraph("mail.topup.bank.timing"));
		}
	}

	/**
	 * The payment arrived and was credited: one e-mail, the payment received and the
	 * credit added.
	 */
	public void credited(TopUp topUp, LedgerEntry entry) {
		for (MailRecipient recipient : recipients(topUp)) {
			String credited = money(entry.amount(), recipient);
			send(recipient, "TOPUP_CREDITED", topUp,
					new Notice("mail.topup.credited.subject", new Object[] { credited }, recipient.name())
						.paragraph("mail.topup.received.text", credited, topUp.reference())
						.paragraph("mail.topup.credited.text", credited, money(entry.balanceAfter(), recipient)));
		}
	}

	/**
	 * The user who asked for the top-up and the Titolari's copies; every Titolare for a
	 * top-up from before teams (issue 17).
	 */
	private List<MailRecipient> recipients(TopUp topUp) {
		return accounts.recipients(topUp.resellerId()).of(topUp.requestedByUserId());
	}

	private void send(MailRecipient recipient, String kind, TopUp topUp, Notice notice) {
		outbox.enqueue(renderer.notice(kind, topUp.reference(), recipient.email(), recipient.locale(), notice));
	}

	private String money(Money amount, MailRecipient recipient) {
		return InLocale.call(recipient.locale(), () -> formats.money(amount));
	}

}
