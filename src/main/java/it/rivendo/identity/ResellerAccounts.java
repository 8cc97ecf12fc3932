package it.rivendo.identity;

import it.rivendo.identity.internal.Reseller;
import it.rivendo.identity.internal.ResellerRepository;
import it.rivendo.identity.internal.UserAccount;
import it.rivendo.identity.internal.UserAccountRepository;
import it.rivendo.identity.internal.UserSessions;
import it.rivendo.shared.SecretTokens;
import it.rivendo.shared.Versions;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens reseller and staff accounts and answers who a reseller is. */
@Service
@Transactional(readOnly = true)
public class ResellerAccounts {

	private final ResellerRepository resellers;

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final UserSessions sessions;

	private final Clock clock;

	private final Versions versions;

	/**
	 * Users (e-mail and the team role their session holds) found in order, by the
	 * accounts' version they were found under; at most {@link #USERS_KEPT_IN_ORDER}.
	 */
	private final Map<String, Long> inOrderAt = new ConcurrentHashMap<>();

	static final int USERS_KEPT_IN_ORDER = 10_000;

	ResellerAccounts(ResellerRepository resellers, UserAccountRepository users, PasswordEncoder passwordEncoder,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, UserSessions sessions, Clock clock,
			Versions versions) {
		this.versions = versions;
		this.resellers = resellers;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional
	public long openReseller(NewReseller request) {
		Reseller reseller = resellers.save(new Reseller(request.billing(), request.phone()));
		UserAccount user = UserAccount.reseller(request.email(), null, request.contactName(), reseller.id(),
				request.locale());
		user.changePassword(passwordEncoder.encode(request.rawPassword()), clock.instant());
		users.save(user);
		return reseller.id();
	}

	/**
	 * Adds a user with a password to a reseller's team at once, as an invitation taken up
	 * would (the demo's operatore and contabile). A Titolare invites through
	 * {@link Team#invite}.
	 * @param monthlyLimit an Operatore's limit, or null for none
	 * @return the user's id
	 */
	@Transactional
	public long addTeamMember(long resellerId, String email, String displayName, TeamRole role,
			it.rivendo.shared.Money monthlyLimit, boolean seesAllServices, String rawPassword, String locale) {
		UserAccount user = UserAccount.member(email, null, displayName, resellerId, TeamRole.OWNER, locale);
		user.assign(role, monthlyLimit, seesAllServices);
		user.changePassword(passwordEncoder.encode(rawPassword), clock.instant());
		return users.save(user).id();
	}

	/**
	 * Opens a reseller whose login has no usable password yet: the owner chooses one
	 * through a {@link PasswordSetup} link.
	 * @return the reseller's id and its user's id
	 */
	@Transactional
	public OpenedAccount openResellerAwaitingPassword(BillingAddress billing, String phone, String email,
			String contactName, String locale) {
		byte[] unguessable = new byte[32];
		new java.security.SecureRandom().nextBytes(unguessable);
		Reseller reseller = resellers.save(new Reseller(billing, phone));
		UserAccount user = users.save(UserAccount.reseller(email,
				passwordEncoder.encode(java.util.Base64.getEncoder().encodeToString(unguessable)), contactName,
				reseller.id(), locale));
		return new OpenedAccount(reseller.id(), user.id());
	}

	/** A reseller's id and the id of its login. */
	public record OpenedAccount(long resellerId, long userId) {
	}

	/**
	 * Turns a reseller's account on or off. A disabled reseller cannot log in, and every
	 * session its users have open ends in the same transaction, on every device and
	 * instance.
	 */
	@Transactional
	public void setEnabled(long resellerId, boolean enabled) {
		resellers.findById(resellerId)
			.orElseThrow(() -> new it.rivendo.shared.NotFoundException("reseller"))
			.enable(enabled);
		users.findByResellerId(resellerId).forEach(user -> {
			user.enable(enabled);
			if (!enabled) {
				sessions.endAll(user.email());
			}
		});
	}

	/**
	 * Whether the login is switched off, itself or through its reseller: checked at every
	 * signed-in request, so that a session that outlived the disabling stops there. An
	 * unknown login is not reported as disabled.
	 */
	// one statement, no transaction of its own: it runs at every signed-in request
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean disabled(String email) {
		return jdbc.sql("""
				select exists (select 1 from user_account u left join reseller r on r.id = u.reseller_id
				               where lower(u.email) = :email
				                 and (not u.enabled or u.team_status <> 'ACTIVE' or r.enabled is false))""")
			.param("email", email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a session signed in as this user no longer matches the account: the login
	 * is switched off (see {@link #disabled}), or its team role is not the one the
	 * session holds, as in a session from before teams, which holds none. Checked at
	 * every signed-in request, in one statement, unless this instance found the user in
	 * order under the accounts' version of this request (issue 22): every change the
	 * check reads renews that version (V162), on whichever instance, so a user disabled
	 * there is looked up again, and shut out, at its next request here.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean outdated(ShopUser user) {
		TeamRole held = user.signedInTeamRole();
		String email = user.getUsername() == null ? "" : user.getUsername().strip().toLowerCase(Locale.ROOT);
		String checked = email + " " + held;
		// read before the look-up: what the look-up finds is at least as new as it
		Optional<Long> version = versions.accounts();
		if (version.isPresent() && version.get().equals(inOrderAt.get(checked))) {
			return false;
		}
		boolean outdated = jdbc.sql("""
				select exists (select 1 from user_account u left join reseller r on r.id = u.reseller_id
				               where lower(u.email) = :email
				                 and (not u.enabled or u.team_status <> 'ACTIVE' or r.enabled is false
				                      or u.team_role is distinct from cast(:teamRole as varchar)))""")
			.param("email", email)
			.param("teamRole", held == null ? null : held.name(), java.sql.Types.VARCHAR)
			.query(Boolean.class)
			.single();
		if (outdated) {
			inOrderAt.remove(checked);
		}
		else if (version.isPresent()) {
			if (inOrderAt.size() >= USERS_KEPT_IN_ORDER) {
				inOrderAt.clear();
			}
			inOrderAt.put(checked, version.get());
		}
		return outdated;
	}

	/**
	 * Resellers whose company, e-mail or Partita IVA contains the text, at most 50, in
	 * one query.
	 */
	public java.util.List<ResellerProfile> search(String text) {
		String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)).replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return jdbc.sql("""
				select r.*, u.email, u.display_name, u.preferred_locale, u.enabled as user_enabled
				from reseller r
				join user_account u on u.id = (select min(id) from user_account where reseller_id = r.id)
				where lower(r.company_name) like :like or lower(u.email) like :like or r.vat_number like :like
				order by r.company_name limit 50""")
			.param("like", like)
			.query((row, i) -> new ResellerProfile(row.getLong("id"),
					new BillingAddress(row.getString("company_name"), row.getString("vat_number"),
							row.getString("tax_code"), row.getString("street"), row.getString("postal_code"),
							row.getString("city"), row.getString("province"), row.getString("country"),
							row.getString("sdi_code"), row.getString("pec")),
					row.getString("email"), row.getString("display_name"),
					Locale.forLanguageTag(row.getString("preferred_locale")),
					row.getBoolean("enabled") && row.getBoolean("user_enabled")))
			.list();
	}

	@Transactional
	public long openStaff(String email, String displayName, String rawPassword) {
		UserAccount user = UserAccount.staff(email, null, displayName);
		user.changePassword(passwordEncoder.encode(rawPassword), clock.instant());
		return users.save(user).id();
	}

	/**
	 * Opens a staff account whose login has no usable password yet: its owner chooses one
	 * through a {@link PasswordSetup} link.
	 * @return the user's id
	 */
	@Transactional
	public long openStaffAwaitingPassword(String email, String displayName) {
		return users.save(UserAccount.staff(email, passwordEncoder.encode(SecretTokens.random(32)), displayName)).id();
	}

	/** Whether any staff account exists. */
	public boolean anyStaff() {
		return users.existsByRole(Role.STAFF);
	}

	/** The id of the staff account with this e-mail, if it is one. */
	public Optional<Long> staffId(String email) {
		return users.findByEmailIgnoreCase(email).filter(user -> user.toShopUser(true).isStaff()).map(UserAccount::id);
	}

	public boolean emailTaken(String email) {
		return users.findByEmailIgnoreCase(email).isPresent();
	}

	public Optional<ResellerProfile> profile(long resellerId) {
		return resellers.findById(resellerId)
			.flatMap(reseller -> users.findFirstByResellerIdOrderById(resellerId)
				.map(user -> new ResellerProfile(reseller.id(), reseller.billing(), user.email(), user.displayName(),
						Locale.forLanguageTag(user.preferredLocale()), reseller.enabled() && user.enabled())));
	}

	/**
	 * Whom an e-mail about something a user of the team did goes to: that user and the
	 * copies, or every Titolare when no user of the team acted (see
	 * {@link TeamRecipients}).
	 */
	@Transactional(readOnly = true)
	public java.util.List<MailRecipient> actorAndOwner(long resellerId, Long userId) {
		return recipients(resellerId).of(userId);
	}

	/** The reseller's team as the recipients of its e-mails, read once. */
	@Transactional(readOnly = true)
	public TeamRecipients recipients(long resellerId) {
		java.util.List<UserAccount> team = users.findByResellerId(resellerId)
			.stream()
			.sorted(java.util.Comparator.comparing(UserAccount::id))
			.toList();
		java.util.List<TeamRecipients.Member> active = team.stream()
			.filter(user -> user.teamStatus() == TeamStatus.ACTIVE)
			.map(user -> new TeamRecipients.Member(recipient(user), user.teamRole() == TeamRole.OWNER,
					user.teamCopies()))
			.toList();
		return new TeamRecipients(active, team.isEmpty() ? null : recipient(team.get(0)));
	}

	/**
	 * One user of the reseller's team, whatever its status, as the recipient of an e-mail
	 * meant for it alone (greeted by its name, in its own language).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<MailRecipient> member(long resellerId, long userId) {
		return users.findById(userId)
			.filter(user -> user.resellerId() != null && user.resellerId() == resellerId)
			.map(ResellerAccounts::recipient);
	}

	private static MailRecipient recipient(UserAccount user) {
		return new MailRecipient(user.id(), user.email(), user.displayName(),
				Locale.forLanguageTag(user.preferredLocale()));
	}

	/**
	 * The login with this id as it would sign in: disabled when it or its reseller is
	 * switched off. Without its password hash.
	 */
	public Optional<ShopUser> login(long userId) {
		return users.findById(userId).map(user -> {
			ShopUser login = user.toShopUser(user.resellerId() == null
					|| resellers.findById(user.resellerId()).map(Reseller::enabled).orElse(false));
			login.eraseCredentials();
			return login;
		});
	}

	@Transactional
	public void rememberLocale(long userId, Locale locale) {
		users.findById(userId).ifPresent(user -> user.preferLocale(locale.getLanguage()));
	}

}
