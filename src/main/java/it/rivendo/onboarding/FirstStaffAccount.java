package it.rivendo.onboarding;

import it.rivendo.identity.PasswordSetup;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.onboarding.internal.OnboardingMails;
import it.rivendo.onboarding.internal.OnboardingProperties;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way in on an empty database: with {@code RIVENDO_ADMIN_EMAIL} set, at start, when
 * there is no staff account at all, a staff account is opened for that address and a
 * single-use link to choose its password (the same links as for new resellers, valid 72
 * hours) is e-mailed through the outbox. Nobody ever sees a password. At the next starts
 * nothing happens, unless that account's newest link expired unused: then a new one is
 * e-mailed. Two instances starting together take a database lock first, so one account
 * and one e-mail come out.
 * <p>
 * The link itself is never logged: whoever reads the logs could take the account. The log
 * says that it was e-mailed, and where to read it without SMTP (the outbox table, which
 * whoever runs the database can read anyway).
 */
@Component
public class FirstStaffAccount {

	/** What a start did. */
	public enum Outcome {

		/** {@code RIVENDO_ADMIN_EMAIL} is not set. */
		NOT_CONFIGURED,
		/** The staff account was opened and its link e-mailed. */
		CREATED,
		/**
		 * Its password was never chosen and its newest link had expired unused: a new one
		 * was e-mailed.
		 */
		LINK_RENEWED,
		/** Staff accounts exist: nothing to do. */
		NOTHING,
		/** The address belongs to a reseller's account: nothing was done. */
		REFUSED

	}

	static final String MAIL_KIND = OnboardingMails.STAFF_LINK;

	private static final Logger log = LoggerFactory.getLogger(FirstStaffAccount.class);

	/** The advisory lock that lets one starting instance at a time look and create. */
	private static final long LOCK = 0x52_49_56_45_4E_44_4FL; // "RIVENDO"

	private final JdbcClient jdbc;

	private final ResellerAccounts accounts;

	private final PasswordSetup passwords;

	private final OnboardingMails mails;

	private final TransactionTemplate transactions;

	private final String adminEmail;

	FirstStaffAccount(JdbcClient jdbc, ResellerAccounts accounts, PasswordSetup passwords, OnboardingMails mails,
			TransactionTemplate transactions, OnboardingProperties properties) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.mails = mails;
		this.transactions = transactions;
		this.adminEmail = properties.email();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		ensure();
	}

	/** What happens at start, for the configured address. */
	public Outcome ensure() {
		return adminEmail.isEmpty() ? Outcome.NOT_CONFIGURED : ensure(adminEmail);
	}

	/**
	 * Opens the first staff account for this address, or renews its lapsed link; else
	 * does nothing.
	 */
	public Outcome ensure(String address) {
		String email = address.strip().toLowerCase(Locale.ROOT);
		Outcome outcome = transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((row, i) -> true).single();
			Optional<Long> staff = accounts.staffId(email);
			if (staff.isEmpty()) {
				if (accounts.emailTaken(email)) {
					return Outcome.REFUSED;
				}
				if (accounts.anyStaff()) {
					return Outcome.NOTHING;
				}
				mailLink(email, accounts.openStaffAwaitingPassword(email, "Staff"));
				return Outcome.CREATED;
			}
			if (passwords.firstLinkLapsed(staff.get())) {
				mailLink(email, staff.get());
				return Outcome.LINK_RENEWED;
			}
			return Outcome.NOTHING;
		});
		switch (outcome) {
			case CREATED -> log.info("First staff account {} opened. A single-use link to choose its password (valid "
					+ "72 hours) was queued for e-mail to that address. Without SMTP yet, read it from the database: "
					+ "select body_text from mail_outbox where kind = '{}' order by id desc limit 1", email, MAIL_KIND);
			case LINK_RENEWED -> log.info("The link to choose the password of staff account {} expired unused: a new "
					+ "one (valid 72 hours) was queued for e-mail (mail_outbox kind '{}')", email, MAIL_KIND);
			case REFUSED ->
				log.warn("RIVENDO_ADMIN_EMAIL {} belongs to a reseller's account: no staff account opened", email);
			default -> log.debug("Staff accounts exist: nothing to do for RIVENDO_ADMIN_EMAIL");
		}
		return outcome;
	}

	private void mailLink(String email, long userId) {
		mails.staffLink(email, userId, passwords.issue(userId));
	}

}
