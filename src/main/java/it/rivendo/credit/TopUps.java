package it.rivendo.credit;

import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.audit.AuditTrail;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.identity.ShopUser;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.SecretTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topping up the prepaid credit. A top-up is requested (by bank transfer or card), then completed exactly once: the
 * row is locked while still pending, the ledger credited, and the top-up marked done in the same transaction; a
 * second confirmation or a provider callback arriving twice finds it done and changes nothing.
 */
@Service
@Transactional
public class TopUps {

	private final JdbcClient jdbc;
	private final CreditLedger ledger;
	private final Optional<PaymentProvider> provider;
	private final ResellerAccounts accounts;
	private final MailOutbox outbox;
	private final MailRenderer renderer;
	private final AuditTrail audit;
	private final Formats formats;
	private final Clock clock;
	private final Money minimum;
	private final Money maximum;
	private final BankDetails bank;

	TopUps(JdbcClient jdbc, CreditLedger ledger, Optional<PaymentProvider> provider, ResellerAccounts accounts,
			MailOutbox outbox, MailRenderer renderer, AuditTrail audit, Formats formats, Clock clock,
			@Value("${rivendo.topup.min-amount:50.00}") String minimum,
			@Value("${rivendo.topup.max-amount:50000.00}") String maximum,
			@Value("${rivendo.topup.bank.beneficiary:Rivendo S.r.l.}") String beneficiary,
			@Value("${rivendo.topup.bank.iban:IT60X0542811101000000123456}") String iban,
			@Value("${rivendo.topup.bank.name:Banca di Esempio}") String bankName) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.provider = provider;
		this.accounts = accounts;
		this.outbox = outbox;
		this.renderer = renderer;
		this.audit = audit;
		this.formats = formats;
		this.clock = clock;
		this.minimum = Money.of(minimum);
		this.maximum = Money.of(maximum);
		this.bank = new BankDetails(beneficiary, iban, bankName);
	}

	public Money minimum() {
		return minimum;
	}

	public BankDetails bank() {
		return bank;
	}

	/** Whether card top-ups are offered: only with a payment provider; else bank transfers only. */
	public boolean cardOffered() {
		return provider.isPresent();
	}

	/** Whether the card provider is the demo's simulation (the {@code demo} profile only). */
	public boolean demoProvider() {
		return provider.map(PaymentProvider::demo).orElse(false);
	}

	/**
	 * Starts a top-up. A bank transfer gets its unique payment reference and an e-mail with the bank details.
	 * @return the new top-up and, for a card, where to go to pay
	 */
	public Requested request(ShopUser reseller, Money amount, PaymentMethod method) {
		if (method == PaymentMethod.CARD && provider.isEmpty()) {
			throw new TopUpRefusedException("topup.error.cardUnavailable");
		}
		if (amount.isLessThan(minimum)) {
			throw new TopUpRefusedException("topup.error.minimum");
		}
		if (maximum.isLessThan(amount)) {
			throw new TopUpRefusedException("topup.error.maximum");
		}
		Instant now = clock.instant();
		long sequence = jdbc.sql("select nextval('top_up_reference_seq')").query(Long.class).single();
		String reference = "RIC-%d-%06d".formatted(now.atZone(Formats.SHOP_ZONE).getYear(), sequence);
		String providerReference = method == PaymentMethod.CARD ? SecretTokens.random(24) : null;
		long id = jdbc.sql("""
				insert into top_up (reference, reseller_id, amount, method, provider_reference, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(reference, reseller.resellerId(), amount.amount(), method.name(), providerReference,
					Timestamp.from(now), reseller.email())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.of(reseller.email(), "TOPUP_REQUESTED", reference, method + " " + amount));
		String next = null;
		if (method == PaymentMethod.BANK) {
			ResellerProfile profile = accounts.profile(reseller.resellerId()).orElseThrow();
			mail(profile, "TOPUP_BANK_DETAILS", reference,
					new Notice("mail.topup.bank.subject", new Object[] { reference }, profile.contactName())
						.paragraph("mail.topup.bank.text", money(amount, profile), reference)
						.item(bank.beneficiary())
						.item("IBAN " + bank.iban())
						.item(bank.bankName())
						.paragraph("mail.topup.bank.timing"));
		}
		else {
			next = provider.orElseThrow().start(providerReference, amount, reference);
		}
		return new Requested(view(id), next);
	}

	/** The provider says the card payment went through. Called twice, it credits once. */
	public boolean cardPaid(String providerReference) {
		if (provider.isEmpty()) {
			return false;
		}
		Optional<Long> id = jdbc.sql("select id from top_up where provider_reference = ?")
			.param(providerReference)
			.query(Long.class)
			.optional();
		return id.isPresent() && complete(id.get(), null, null, null, "provider:" + provider.get().name());
	}

	/**
	 * Staff saw the transfer arrive. The credit is what arrived. Only staff may do this, never the reseller itself.
	 */
	public boolean confirmTransfer(long topUpId, Money received, LocalDate receivedOn, String bankReference,
			ShopUser staff) {
		if (!staff.isStaff()) {
			throw new org.springframework.security.access.AccessDeniedException("Only staff confirm transfers");
		}
		if (!received.isPositive()) {
			throw new TopUpRefusedException("topup.error.received");
		}
		return complete(topUpId, received, receivedOn, bankReference, staff.email());
	}

	public void cancel(long topUpId, String reason, ShopUser staff) {
		if (!staff.isStaff() || reason == null || reason.isBlank()) {
			throw new TopUpRefusedException("topup.error.reason");
		}
		int changed = jdbc.sql("update top_up set status = 'CANCELLED', confirmed_by = ? where id = ? and status = 'PENDING'")
			.params(staff.email(), topUpId)
			.update();
		if (changed == 1) {
			audit.record(AuditRecord.of(staff.email(), "TOPUP_CANCELLED", view(topUpId).reference(), reason));
		}
	}

	private boolean complete(long topUpId, Money received, LocalDate receivedOn, String bankReference, String actor) {
		Optional<TopUpView> pending = jdbc
			.sql(SELECT + " where t.id = ? and t.status = 'PENDING' for update of t")
			.param(topUpId)
			.query(TopUps::row)
			.optional();
		if (pending.isEmpty()) {
			return false; // done already, or cancelled: nothing is credited twice
		}
		TopUpView topUp = pending.get();
		Money credited = received == null ? topUp.amount() : received;
		LedgerEntry entry = ledger.credit(topUp.resellerId(), EntryKind.TOPUP, credited, topUp.reference(),
				"Ricarica " + topUp.reference(), actor);
		jdbc.sql("""
				update top_up set status = 'COMPLETED', completed_at = ?, confirmed_by = ?, received_amount = ?,
				       received_on = ?, bank_reference = ?, ledger_entry_id = ?
				where id = ?""")
			.params(Timestamp.from(clock.instant()), actor, credited.amount(), receivedOn, bankReference, entry.id(),
					topUpId)
			.update();
		audit.record(AuditRecord.of(actor, "TOPUP_COMPLETED", topUp.reference(),
				"requested " + topUp.amount() + ", credited " + credited + ", balance " + entry.balanceAfter()));
		ResellerProfile profile = accounts.profile(topUp.resellerId()).orElseThrow();
		mail(profile, "TOPUP_PAYMENT_RECEIVED", topUp.reference(),
				new Notice("mail.topup.received.subject", new Object[] { topUp.reference() }, profile.contactName())
					.paragraph("mail.topup.received.text", money(credited, profile), topUp.reference()));
		mail(profile, "TOPUP_CREDITED", topUp.reference(),
				new Notice("mail.topup.credited.subject", new Object[] { money(credited, profile) },
						profile.contactName())
					.paragraph("mail.topup.credited.text", money(credited, profile), money(entry.balanceAfter(), profile)));
		return true;
	}

	@Transactional(readOnly = true)
	public TopUpView view(long topUpId) {
		return jdbc.sql(SELECT + " where t.id = ?")
			.param(topUpId)
			.query(TopUps::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("top-up " + topUpId));
	}

	/** A reseller's own top-up by reference; another reseller's is not found. */
	@Transactional(readOnly = true)
	public TopUpView ownedBy(long resellerId, String reference) {
		return jdbc.sql(SELECT + " where t.reference = ? and t.reseller_id = ?")
			.params(reference, resellerId)
			.query(TopUps::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("top-up " + reference));
	}

	/** A reseller's own card top-up by the provider's reference. */
	@Transactional(readOnly = true)
	public TopUpView ownedByProviderReference(long resellerId, String providerReference) {
		return jdbc.sql(SELECT + " where t.provider_reference = ? and t.reseller_id = ?")
			.params(providerReference, resellerId)
			.query(TopUps::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("payment"));
	}

	@Transactional(readOnly = true)
	public List<TopUpView> ofReseller(long resellerId) {
		return jdbc.sql(SELECT + " where t.reseller_id = ? order by t.id desc limit 20")
			.param(resellerId)
			.query(TopUps::row)
			.list();
	}

	@Transactional(readOnly = true)
	public List<TopUpView> pending() {
		return jdbc.sql(SELECT + " where t.status = 'PENDING' order by t.id").query(TopUps::row).list();
	}

	@Transactional(readOnly = true)
	public long pendingCount() {
		return jdbc.sql("select count(*) from top_up where status = 'PENDING'").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public List<TopUpView> recent() {
		return jdbc.sql(SELECT + " where t.status <> 'PENDING' order by t.id desc limit 30").query(TopUps::row).list();
	}

	private void mail(ResellerProfile profile, String kind, String reference, Notice notice) {
		outbox.enqueue(renderer.notice(kind, reference, profile.email(), profile.locale(), notice));
	}

	private String money(Money amount, ResellerProfile profile) {
		return it.rivendo.shared.InLocale.call(profile.locale(), () -> formats.money(amount));
	}

	private static final String SELECT = """
			select t.*, r.company_name from top_up t join reseller r on r.id = t.reseller_id""";

	private static TopUpView row(ResultSet row, int index) throws SQLException {
		Timestamp completed = row.getTimestamp("completed_at");
		java.sql.Date receivedOn = row.getDate("received_on");
		java.math.BigDecimal received = row.getBigDecimal("received_amount");
		return new TopUpView(row.getLong("id"), row.getString("reference"), row.getLong("reseller_id"),
				row.getString("company_name"), Money.of(row.getBigDecimal("amount")),
				PaymentMethod.valueOf(row.getString("method")), row.getString("status"),
				row.getTimestamp("created_at").toInstant(), completed == null ? null : completed.toInstant(),
				received == null ? null : Money.of(received), receivedOn == null ? null : receivedOn.toLocalDate(),
				row.getString("bank_reference"), row.getString("confirmed_by"));
	}

	/** A requested top-up, and for a card the provider's page to pay on. */
	public record Requested(TopUpView topUp, String paymentUrl) {
	}

	/** Where bank transfers go. */
	public record BankDetails(String beneficiary, String iban, String bankName) {
	}
}
