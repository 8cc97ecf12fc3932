package it.rivendo.onboarding;

import it.rivendo.shared.ShopProperties;
import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.PasswordSetup;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerAccounts.OpenedAccount;
import it.rivendo.identity.ShopUser;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.Notice;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Throttle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Come diventare Rivenditore Web": a company applies; staff approve it (choosing the discount tier and an optional
 * opening credit), which opens the account and mails a single-use link to choose the password; or reject it with a
 * reason. Nobody ever sees a password in clear.
 */
@Service
@Transactional
public class Applications {

	/** E-mails telling an address that it has an account or an application already: one a day. */
	static final Throttle.Limit NOTICES_PER_RECIPIENT = new Throttle.Limit("apply-recipient", 1, Duration.ofDays(1));

	private final JdbcClient jdbc;
	private final ResellerAccounts accounts;
	private final PasswordSetup passwords;
	private final CatalogManagement catalog;
	private final CreditLedger credit;
	private final MailOutbox outbox;
	private final MailRenderer renderer;
	private final AuditTrail audit;
	private final Clock clock;
	private final Throttle throttle;
	private final String publicUrl;

	Applications(JdbcClient jdbc, ResellerAccounts accounts, PasswordSetup passwords, CatalogManagement catalog,
			CreditLedger credit, MailOutbox outbox, MailRenderer renderer, AuditTrail audit, Clock clock,
			Throttle throttle, ShopProperties shop) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.catalog = catalog;
		this.credit = credit;
		this.outbox = outbox;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * Records an application and acknowledges it by e-mail. The answer on screen must be the same whatever the
	 * address, or the form would tell anyone which addresses have an account: when the address already has an
	 * account or an application waiting, nothing is recorded and the owner of the address is told by e-mail instead
	 * (at most {@link #NOTICES_PER_RECIPIENT}). None of these e-mails repeats what was typed in the form, since the
	 * address is not proven to be the applicant's.
	 * @return the new application's id, or empty when the address was told instead
	 */
	public Optional<Long> apply(BillingAddress billing, String contactName, String email, String phone) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		if (accounts.emailTaken(normalized)) {
			tellOwner(normalized, "mail.apply.accountExists", "the address has an account");
			return Optional.empty();
		}
		boolean waiting = jdbc.sql("select count(*) > 0 from reseller_application where lower(email) = ? and status = 'PENDING'")
			.param(normalized)
			.query(Boolean.class)
			.single();
		if (waiting) {
			tellOwner(normalized, "mail.apply.alreadyPending", "the address has an application waiting");
			return Optional.empty();
		}
		long id = jdbc.sql("""
				insert into reseller_application (company_name, vat_number, tax_code, street, postal_code, city, province,
				    country, sdi_code, pec, contact_name, email, phone, terms_accepted_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			// a company without its own codice fiscale uses its Partita IVA as one
			.params(billing.companyName(), billing.vatNumber(),
					billing.taxCode() == null || billing.taxCode().isBlank() ? billing.vatNumber() : billing.taxCode(),
					billing.street(),
					billing.postalCode(), billing.city(), billing.province(), billing.country(), billing.sdiCode(),
					billing.pec(), contactName.strip(), normalized, phone.strip(), Timestamp.from(clock.instant()),
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.of(normalized, "APPLICATION_RECEIVED", "application " + id, billing.companyName()));
		mail(normalized, "APPLICATION_RECEIVED", id,
				new Notice("mail.apply.received.subject", new Object[0], null).paragraph("mail.apply.received.text")
					.paragraph("mail.apply.notYou"));
		return Optional.of(id);
	}

	/** @param key the notice's message keys, {@code key.subject} and {@code key.text} */
	private void tellOwner(String email, String key, String why) {
		audit.record(AuditRecord.of(email, "APPLICATION_REPEATED", email, why));
		if (throttle.take(NOTICES_PER_RECIPIENT, email).isPresent()) {
			return; // told already today
		}
		Notice notice = new Notice(key + ".subject", new Object[0], null).paragraph(key + ".text")
			.paragraph("mail.apply.notYou");
		if (accounts.emailTaken(email)) {
			notice.action("mail.apply.login", publicUrl + "/login");
		}
		mail(email, "APPLICATION_NOTICE", "application-notice", notice);
	}

	/** Opens the account in the chosen tier, with the opening credit, and mails the link to choose a password. */
	public long approve(long applicationId, String tierCode, Money openingCredit, ShopUser staff) {
		ApplicationView application = lockPending(applicationId);
		if (accounts.emailTaken(application.email())) {
			throw new ApplicationRefusedException("apply.error.emailTaken");
		}
		OpenedAccount opened = accounts.openResellerAwaitingPassword(application.billing(), application.phone(),
				application.email(), application.contactName(), "it");
		catalog.placeInTier(opened.resellerId(), tierCode, true, "Scelta all'approvazione");
		if (openingCredit != null && openingCredit.isPositive()) {
			credit.credit(opened.resellerId(), EntryKind.ADJUSTMENT, openingCredit, "APP-" + applicationId,
					"Credito iniziale", staff.email());
		}
		String token = passwords.issue(opened.userId());
		jdbc.sql("""
				update reseller_application set status = 'APPROVED', decided_at = ?, decided_by = ?, reseller_id = ?
				where id = ?""")
			.params(Timestamp.from(clock.instant()), staff.email(), opened.resellerId(), applicationId)
			.update();
		audit.record(AuditRecord.of(staff.email(), "APPLICATION_APPROVED", "application " + applicationId,
				"tier " + tierCode + ", opening credit " + (openingCredit == null ? Money.ZERO : openingCredit)
						+ ", reseller " + opened.resellerId()));
		mail(application.email(), "APPLICATION_APPROVED", applicationId,
				new Notice("mail.apply.approved.subject", new Object[0], application.contactName())
					.paragraph("mail.apply.approved.text", application.billing().companyName(), application.email())
					.action("mail.apply.approved.action", publicUrl + "/set-password/" + token));
		return opened.resellerId();
	}

	public void reject(long applicationId, String reason, ShopUser staff) {
		if (reason == null || reason.isBlank()) {
			throw new ApplicationRefusedException("apply.error.reason");
		}
		ApplicationView application = lockPending(applicationId);
		jdbc.sql("update reseller_application set status = 'REJECTED', decided_at = ?, decided_by = ?, reason = ? where id = ?")
			.params(Timestamp.from(clock.instant()), staff.email(), reason.strip(), applicationId)
			.update();
		audit.record(AuditRecord.of(staff.email(), "APPLICATION_REJECTED", "application " + applicationId,
				reason.strip()));
		mail(application.email(), "APPLICATION_REJECTED", applicationId,
				new Notice("mail.apply.rejected.subject", new Object[0], application.contactName())
					.paragraph("mail.apply.rejected.text", reason.strip()));
	}

	@Transactional(readOnly = true)
	public List<ApplicationView> list(boolean pendingOnly) {
		return jdbc.sql("select * from reseller_application " + (pendingOnly ? "where status = 'PENDING' " : "")
				+ "order by created_at desc limit 100")
			.query(Applications::row)
			.list();
	}

	@Transactional(readOnly = true)
	public ApplicationView view(long applicationId) {
		return jdbc.sql("select * from reseller_application where id = ?")
			.param(applicationId)
			.query(Applications::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("application " + applicationId));
	}

	@Transactional(readOnly = true)
	public long pendingCount() {
		return jdbc.sql("select count(*) from reseller_application where status = 'PENDING'").query(Long.class).single();
	}

	private ApplicationView lockPending(long applicationId) {
		return jdbc.sql("select * from reseller_application where id = ? and status = 'PENDING' for update")
			.param(applicationId)
			.query(Applications::row)
			.optional()
			.orElseThrow(() -> new ApplicationRefusedException("apply.error.decided"));
	}

	private void mail(String to, String kind, long applicationId, Notice notice) {
		mail(to, kind, "application-" + applicationId, notice);
	}

	private void mail(String to, String kind, String reference, Notice notice) {
		outbox.enqueue(renderer.notice(kind, reference, to, Locale.ITALIAN, notice));
	}

	private static ApplicationView row(ResultSet row, int index) throws SQLException {
		Timestamp decided = row.getTimestamp("decided_at");
		return new ApplicationView(row.getLong("id"), row.getString("status"),
				new BillingAddress(row.getString("company_name"), row.getString("vat_number"), row.getString("tax_code"),
						row.getString("street"), row.getString("postal_code"), row.getString("city"),
						row.getString("province"), row.getString("country"), row.getString("sdi_code"),
						row.getString("pec")),
				row.getString("contact_name"), row.getString("email"), row.getString("phone"),
				row.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(),
				row.getString("decided_by"), row.getString("reason"), row.getObject("reseller_id", Long.class));
	}
}
