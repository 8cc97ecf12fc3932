package it.rivendo.identity;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.identity.internal.IdentityMails;
import it.rivendo.identity.internal.ResellerRepository;
import it.rivendo.identity.internal.UserAccount;
import it.rivendo.identity.internal.UserAccountRepository;
import it.rivendo.identity.internal.UserSessions;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of a reseller's account (issue 17), managed by its Titolare: invited by
 * e-mail with a single-use link to choose a password, given a role (and, an Operatore, a
 * monthly limit and what it sees), disabled, removed. Every change locks the reseller's
 * row, so two changes of one team take turns: the account always keeps an active
 * Titolare, even when two of them demote each other at the same moment. A user whose role
 * or status changes has its sessions ended at once.
 */
@Service
@Transactional(readOnly = true)
public class Team {

	private final UserAccountRepository users;

	private final ResellerRepository resellers;

	private final PasswordSetup passwords;

	private final PasswordEncoder encoder;

	private final IdentityMails mails;

	private final UserSessions sessions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Team(UserAccountRepository users, ResellerRepository resellers, PasswordSetup passwords, PasswordEncoder encoder,
			IdentityMails mails, UserSessions sessions, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.users = users;
		this.resellers = resellers;
		this.passwords = passwords;
		this.encoder = encoder;
		this.mails = mails;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The team's users, removed ones left out: Titolari first, then by name. */
	public List<TeamMember> members(long resellerId) {
		return users.findByResellerId(resellerId)
			.stream()
			.filter(user -> user.teamStatus() != TeamStatus.REMOVED)
			.map(Team::member)
			.sorted(Comparator.comparing(TeamMember::role).thenComparing(TeamMember::displayName))
			.toList();
	}

	/**
	 * The names of every user the team ever had (removed ones included), by id: what
	 * orders and services show as who bought.
	 */
	public Map<Long, String> names(long resellerId) {
		Map<Long, String> names = new LinkedHashMap<>();
		users.findByResellerId(resellerId).forEach(user -> names.put(user.id(), user.displayName()));
		return names;
	}

	/**
	 * Whose services alone this user sees: itself, for an Operatore the Titolare let see
	 * only its own; null for everyone else (the whole team's). Read at every call, so a
	 * change of the Titolare applies to the next page. A Titolare or a Contabile sees the
	 * whole team's without a query: a session whose role the account no longer has ends
	 * at its next request.
	 */
	public @Nullable Long servicesOnlyOf(ShopUser user) {
		if (!user.isReseller() || user.teamRole() != TeamRole.OPERATOR) {
			return null;
		}
		return users.findById(user.userId())
			.filter(found -> found.teamRole() == TeamRole.OPERATOR && !found.seesAllServices())
			.map(UserAccount::id)
			.orElse(null);
	}

	/**
	 * A user of the team (removed ones included), for the acting owner's reseller only.
	 */
	public TeamMember member(long resellerId, long userId) {
		return member(find(resellerId, userId));
	}

	/**
	 * The user about to spend the reseller's credit, read with its row locked until the
	 * caller's transaction ends (SELECT ... FOR NO KEY UPDATE): two payments of one user
	 * take turns, so the second sees the first one's order when it sums the month's
	 * spending, and a change of its role or limit waits for the payment (or the payment
	 * for it). The lock leaves rows that merely reference the user free to be written.
	 * @throws NotFoundException when the user is not one of the reseller's
	 */
	@Transactional
	public TeamMember lockForSpending(long resellerId, long userId) {
		return jdbc.sql("""
				select id, email, display_name, team_role, team_status, monthly_limit, sees_all_services, last_login_at
				from user_account where id = ? and reseller_id = ? for no key update""")
			.params(userId, resellerId)
			.query((rs, row) -> new TeamMember(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					TeamRole.valueOf(rs.getString("team_role")), TeamStatus.valueOf(rs.getString("team_status")),
					rs.getBigDecimal("monthly_limit") == null ? null : Money.of(rs.getBigDecimal("monthly_limit")),
					rs.getBoolean("sees_all_services"),
					rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("team member"));
	}

	/**
	 * The total above which an Operatore's order waits for a Titolare's approval, or null
	 * when none needs it.
	 */
	public Money approvalThreshold(long resellerId) {
		List<Money> threshold = jdbc.sql("select approval_threshold from reseller where id = ?")
			.param(resellerId)
			.query((rs, row) -> rs.getBigDecimal(1) == null ? null : Money.of(rs.getBigDecimal(1)))
			.list();
		return threshold.isEmpty() ? null : threshold.get(0);
	}

	/** Sets (or, with null, removes) the approval threshold of the owner's account. */
	@Transactional
	public void setApprovalThreshold(ShopUser owner, Money threshold) {
		long resellerId = lockTeamOf(owner);
		Money before = approvalThreshold(resellerId);
		jdbc.sql("update reseller set approval_threshold = ? where id = ?")
			.params(threshold == null ? null : threshold.amount(), resellerId)
			.update();
		audit.record(AuditRecord.of(owner.email(), "TEAM_APPROVAL_THRESHOLD", "reseller " + resellerId,
				"approvalThreshold: " + amount(before) + " → " + amount(threshold)));
	}

	/**
	 * Whether this Titolare receives a copy of the e-mails about what the other users of
	 * its team did (see {@link TeamRecipients}).
	 */
	public boolean receivesCopies(ShopUser owner) {
		return find(owner.resellerId(), owner.userId()).teamCopies();
	}

	/** The Titolare's own choice of copies; each Titolare makes its own. */
	@Transactional
	public void receiveCopies(ShopUser owner, boolean copies) {
		long resellerId = lockTeamOf(owner);
		UserAccount self = find(resellerId, owner.userId());
		boolean before = self.teamCopies();
		self.receiveTeamCopies(copies);
		record(owner, "TEAM_COPIES", self, "copies: " + before + " → " + copies);
	}

	/** An invitation: who, with which role, and an Operatore's limit and visibility. */
	public record Invitation(String email, String displayName, TeamRole role, Money monthlyLimit,
			boolean seesAllServices) {
	}

	/**
	 * Adds a user to the owner's team and e-mails it a link (valid 72 hours, once) to
	 * choose its password.
	 * @return the new user's id The address of a removed user can be invited again: the
	 * removed user gives it up (and keeps its name on what it did), the invitation makes
	 * a new user.
	 * @throws Refusal {@code team.email.taken} when the address has an account that is
	 * not a removed user's
	 */
	@Transactional
	public long invite(ShopUser owner, Invitation invitation, Locale locale) {
		long resellerId = lockTeamOf(owner);
		UserAccount existing = users.findByEmailIgnoreCase(invitation.email().strip()).orElse(null);
		if (existing != null) {
			if (existing.teamStatus() != TeamStatus.REMOVED) {
				throw new Refusal("team.email.taken");
			}
			existing.releaseEmail();
			users.flush();
		}
		UserAccount user = users
			.save(UserAccount.member(invitation.email().strip(), encoder.encode(SecretTokens.random(32)),
					invitation.displayName().strip(), resellerId, TeamRole.OWNER, locale.getLanguage()));
		user.assign(invitation.role(), invitation.monthlyLimit(), invitation.seesAllServices());
		users.flush();
		String company = resellers.findById(resellerId).orElseThrow().billing().companyName();
		mails.invitation(user, locale, passwords.issue(user.id()), owner.displayName(), company);
		record(owner, "TEAM_INVITED", user, terms(user));
		return user.id();
	}

	/**
	 * Changes a user's role, limit and visibility.
	 * @throws Refusal {@code team.lastOwner} when it would leave the account without an
	 * active Titolare, {@code team.self} for the owner's own account
	 */
	@Transactional
	public void change(ShopUser owner, long userId, TeamRole role, Money monthlyLimit, boolean seesAllServices) {
		UserAccount user = lockedOther(owner, userId);
		boolean roleChanged = user.teamRole() != role;
		if (roleChanged && role != TeamRole.OWNER) {
			requireAnotherOwner(user);
		}
		String before = terms(user);
		user.assign(role, monthlyLimit, seesAllServices);
		record(owner, "TEAM_CHANGED", user, changes(before, terms(user)));
		if (roleChanged) {
			sessions.endAll(user.email()); // signs in again with the new role
		}
	}

	/** Switches a user off: it cannot sign in, its open sessions end now. */
	@Transactional
	public void disable(ShopUser owner, long userId) {
		UserAccount user = lockedOther(owner, userId);
		requireAnotherOwner(user);
		user.disableInTeam();
		sessions.endAll(user.email());
		record(owner, "TEAM_DISABLED", user, null);
	}

	@Transactional
	public void enable(ShopUser owner, long userId) {
		UserAccount user = lockedOther(owner, userId);
		user.enableInTeam();
		record(owner, "TEAM_ENABLED", user, null);
	}

	/**
	 * Removes a user for good: it signs in no more, and its name stays on the orders,
	 * services and audit lines it made.
	 */
	@Transactional
	public void remove(ShopUser owner, long userId) {
		UserAccount user = lockedOther(owner, userId);
		requireAnotherOwner(user);
		String email = user.email();
		user.removeFromTeam(clock.instant());
		sessions.endAll(user.email());
		audit.record(AuditRecord.of(owner.email(), "TEAM_REMOVED", email, null));
	}

	/**
	 * The reseller's row locked; refused unless the owner is still an active Titolare.
	 * FOR NO KEY UPDATE: team changes take turns, while a payment, which locks its user's
	 * row (see {@link #lockForSpending}) and then writes an order referencing the
	 * reseller, is not kept waiting by a change that waits for that user's row.
	 */
	private long lockTeamOf(ShopUser owner) {
		long resellerId = owner.resellerId();
		jdbc.sql("select id from reseller where id = ? for no key update").param(resellerId).query(Long.class).single();
		UserAccount self = find(resellerId, owner.userId());
		if (!self.isActiveOwner()) {
			throw new Refusal("team.notOwner");
		}
		return resellerId;
	}

	private UserAccount lockedOther(ShopUser owner, long userId) {
		long resellerId = lockTeamOf(owner);
		if (userId == owner.userId()) {
			throw new Refusal("team.self");
		}
		return find(resellerId, userId);
	}

	private void requireAnotherOwner(UserAccount user) {
		if (!user.isActiveOwner()) {
			return;
		}
		boolean another = users.findByResellerId(user.resellerId())
			.stream()
			.anyMatch(other -> !other.id().equals(user.id()) && other.isActiveOwner());
		if (!another) {
			throw new Refusal("team.lastOwner");
		}
	}

	private UserAccount find(long resellerId, long userId) {
		return users.findById(userId)
			.filter(user -> user.resellerId() != null && user.resellerId() == resellerId)
			.orElseThrow(() -> new NotFoundException("team member"));
	}

	/**
	 * An audit line of a Titolare's change to its team (issue 17): who did it, on which
	 * user (its e-mail), what changed.
	 */
	private void record(ShopUser owner, String action, UserAccount user, String detail) {
		audit.record(AuditRecord.of(owner.email(), action, user.email(), detail));
	}

	/** A user's role, limit and visibility as the audit writes them. */
	private static String terms(UserAccount user) {
		return "role: " + user.teamRole() + "; monthlyLimit: " + amount(user.monthlyLimit()) + "; seesAllServices: "
				+ user.seesAllServices();
	}

	/** "label: before → after" for each part that changed, from two {@link #terms}. */
	private static String changes(String before, String after) {
		String[] was = before.split("; ");
		String[] is = after.split("; ");
		List<String> changed = new java.util.ArrayList<>();
		for (int i = 0; i < was.length; i++) {
			if (!was[i].equals(is[i])) {
				String label = was[i].substring(0, was[i].indexOf(": "));
				changed.add(label + ": " + was[i].substring(label.length() + 2) + " → "
						+ is[i].substring(label.length() + 2));
			}
		}
		return changed.isEmpty() ? null : String.join("; ", changed);
	}

	private static String amount(Money money) {
		return money == null ? "—" : money.amount().toPlainString();
	}

	private static TeamMember member(UserAccount user) {
		return new TeamMember(user.id(), user.email(), user.displayName(), user.teamRole(), user.teamStatus(),
				user.monthlyLimit(), user.seesAllServices(), user.lastLoginAt());
	}

}
