package it.rivendo.onboarding;

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
import it.rivendo.onboarding.internal.Application;
import it.rivendo.onboarding.internal.ApplicationRepository;
import it.rivendo.onboarding.internal.OnboardingMails;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Come diventare Rivenditore Web": a company applies; staff approve it (choosing the
 * discount tier and an optional opening credit), which opens the account and mails a
 * single-use link to choose the password; or reject it with a reason. Nobody ever sees a
 * password in clear. Decisions go through the {@link Application} aggregate, loaded with
 * a lock.
 */
@Service
@Transactional
public class Applications {

	/**
	 * E-mails telling an address that it has an account or an application already: one a
	 * day.
	 */
	static final Throttle.Limit NOTICES_PER_RECIPIENT = new Throttle.Limit("apply-recipient", 1, Duration.ofDays(1));

	private final ApplicationRepository applications;

	private final ResellerAccounts accounts;

	private final PasswordSetup passwords;

	private final CatalogManagement catalog;

	private final CreditLedger credit;

	private final OnboardingMails mails;

	private final AuditTrail audit;

	private final Clock clock;

	private final Throttle throttle;

	Applications(ApplicationRepository applications, ResellerAccounts accounts, PasswordSetup passwords,
			CatalogManagement catalog, CreditLedger credit, OnboardingMails mails, AuditTrail audit, Clock clock,
			Throttle throttle) {
		this.applications = applications;
		this.accounts = accounts;
		this.passwords = passwords;
		this.catalog = catalog;
		this.credit = credit;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
		this.throttle = throttle;
	}

	/**
	 * Records an application and acknowledges it by e-mail. The answer on screen must be
	 * the same whatever the address, or the form would tell anyone which addresses have
	 * an account: when the address already has an account or an application waiting,
	 * nothing is recorded and the owner of the address is told by e-mail instead (at most
	 * {@link #NOTICES_PER_RECIPIENT}). None of these e-mails repeats what was typed in
	 * the form, since the address is not proven to be the applicant's.
	 * @return the new application's id, or empty when the address was told instead
	 */
	public Optional<Long> apply(BillingAddress billing, String contactName, String email, String phone) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		if (accounts.emailTaken(normalized)) {
			tellOwner(normalized, "mail.apply.accountExists", "the address has an account");
			return Optional.empty();
		}
		if (applications.pendingFrom(normalized)) {
			tellOwner(normalized, "mail.apply.alreadyPending", "the address has an application waiting");
			return Optional.empty();
		}
		Application application = applications
			.save(new Application(billing, contactName, normalized, phone, clock.instant()));
		audit.record(AuditRecord.of(normalized, "APPLICATION_RECEIVED", "application " + application.id(),
				billing.companyName()));
		mails.received(application);
		return Optional.of(application.id());
	}

	/**
	 * @param key the notice's message keys, {@code key.subject} and {@code key.text}
	 */
	private void tellOwner(String email, String key, String why) {
		audit.record(AuditRecord.of(email, "APPLICATION_REPEATED", email, why));
		if (throttle.take(NOTICES_PER_RECIPIENT, email).isPresent()) {
			return; // told already today
		}
		mails.appliedAgain(email, key, accounts.emailTaken(email));
	}

	/**
	 * Opens the account in the chosen tier, with the opening credit, and mails the link
	 * to choose a password.
	 */
	public long approve(long applicationId, String tierCode, Money openingCredit, ShopUser staff) {
		Application application = lock(applicationId);
		application.requirePending();
		if (openingCredit != null && openingCredit.isNegative()) {
			throw new Refusal("apply.error.credit");
		}
		if (accounts.emailTaken(application.email())) {
			throw new Refusal("apply.error.emailTaken");
		}
		OpenedAccount opened = accounts.openResellerAwaitingPassword(application.billing(), application.phone(),
				application.email(), application.contactName(), "it");
		catalog.placeInTier(opened.resellerId(), tierCode, true, "Scelta all'approvazione");
		if (openingCredit != null && openingCredit.isPositive()) {
			credit.credit(opened.resellerId(), EntryKind.ADJUSTMENT, openingCredit, "APP-" + applicationId,
					"Credito iniziale", staff.email());
		}
		application.approve(opened.resellerId(), staff.email(), clock.instant());
		audit.record(AuditRecord.of(staff.email(), "APPLICATION_APPROVED", "application " + applicationId,
				"tier " + tierCode + ", opening credit " + (openingCredit == null ? Money.ZERO : openingCredit)
						+ ", reseller " + opened.resellerId()));
		mails.approved(application, passwords.issue(opened.userId()));
		return opened.resellerId();
	}

	/** Tells the applicant the reason; the address may apply again. */
	public void reject(long applicationId, String reason, ShopUser staff) {
		Application application = lock(applicationId);
		application.reject(reason, staff.email(), clock.instant());
		audit.record(AuditRecord.of(staff.email(), "APPLICATION_REJECTED", "application " + applicationId,
				application.reason()));
		mails.rejected(application);
	}

	/** The newest hundred, waiting ones only or all. */
	@Transactional(readOnly = true)
	public List<ApplicationView> list(boolean pendingOnly) {
		return (pendingOnly ? applications.findTop100ByStatusOrderByCreatedAtDesc(ApplicationStatus.PENDING)
				: applications.findTop100ByOrderByCreatedAtDesc())
			.stream()
			.map(Applications::view)
			.toList();
	}

	@Transactional(readOnly = true)
	public ApplicationView view(long applicationId) {
		return applications.findById(applicationId)
			.map(Applications::view)
			.orElseThrow(() -> new NotFoundException("application " + applicationId));
	}

	@Transactional(readOnly = true)
	public long pendingCount() {
		return applications.countByStatus(ApplicationStatus.PENDING);
	}

	private Application lock(long applicationId) {
		return applications.lockById(applicationId)
			.orElseThrow(() -> new NotFoundException("application " + applicationId));
	}

	private static ApplicationView view(Application application) {
		return new ApplicationView(application.id(), application.status(), application.billing(),
				application.contactName(), application.email(), application.phone(), application.createdAt(),
				application.decidedAt(), application.decidedBy(), application.reason(), application.resellerId());
	}

}
