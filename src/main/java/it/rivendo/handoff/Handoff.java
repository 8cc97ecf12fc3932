package it.rivendo.handoff;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.handoff.HandoffRefusedException.Reason;
import it.rivendo.handoff.internal.HandoffProperties;
import it.rivendo.handoff.internal.HandoffStatus;
import it.rivendo.handoff.internal.HandoffToken;
import it.rivendo.handoff.internal.HandoffTokenRepository;
import it.rivendo.handoff.internal.WrongCode;
import it.rivendo.handoff.internal.WrongCodeRepository;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.SecretTokens;
import it.rivendo.shared.ShopProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Apri su altro dispositivo": a one-time token that continues the same page, signed in
 * as the same reseller, on a phone. The token has 256 random bits (the typed code 50, and
 * wrong codes are throttled per address); only SHA-256 hashes are stored; it expires in 5
 * minutes; it is used up by {@link HandoffToken#use}, loaded with a lock, so two phones
 * racing for it cannot both win; and it works only while the computer's session that made
 * it is alive (logging out there kills it). Staff accounts are never handed off. Opening
 * the link only shows whom the device would be signed in as ({@link #previewToken}); the
 * token is used up by the tap that confirms it.
 */
@Service
public class Handoff {

	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final Pattern CODE = Pattern.compile("[" + CODE_ALPHABET + "]{10}");

	/**
	 * The pages of the reseller's flow, by path, as the shop writes them (segments of
	 * letters, digits, {@code -} and {@code _}), with a query string of URL-encoded
	 * characters: nothing that could end a header line, leave the host, climb out with
	 * {@code ..} or reach another page.
	 */
	private static final Pattern CONTINUABLE = Pattern.compile("/(catalog|cart|checkout"
			+ "|products/[A-Z0-9][A-Z0-9_-]*" + "|orders(/[0-9A-Za-z-]+(/completed)?)?"
			+ "|account(/credit(/top-up|/top-ups/[0-9A-Za-z-]+)?|/services(/[0-9]+(/associate)?)?|/support(/[0-9]+)?)?)"
			+ "(\\?[A-Za-z0-9._~%!$'()*+,;:@/?=&-]*)?");

	private static final int MAX_PATH_LENGTH = 500;

	private final SecureRandom random = new SecureRandom();

	private final HandoffTokenRepository tokens;

	private final WrongCodeRepository wrongCodes;

	private final JdbcClient jdbc;

	private final SessionRepository<?> sessions;

	private final ResellerAccounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final HandoffProperties settings;

	private final String publicUrl;

	Handoff(HandoffTokenRepository tokens, WrongCodeRepository wrongCodes, JdbcClient jdbc,
			SessionRepository<?> sessions, ResellerAccounts accounts, AuditTrail audit, Clock clock,
			HandoffProperties settings, ShopProperties shop) {
		this.tokens = tokens;
		this.wrongCodes = wrongCodes;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * A ticket to continue {@code path} on another device, bound to this user and this
	 * session.
	 * @throws HandoffRefusedException for staff, for a page that cannot be continued, or
	 * when asked too often
	 */
	@Transactional
	public HandoffTicket create(ShopUser user, String sessionId, String path, String userAgent, String ip) {
		if (!user.isReseller()) {
			throw new HandoffRefusedException(Reason.STAFF);
		}
		if (!continuable(path)) {
			throw new HandoffRefusedException(Reason.BAD_PAGE);
		}
		Instant now = clock.instant();
		if (tokens.countByUserIdAndCreatedAtAfter(user.userId(), now.minus(Duration.ofMinutes(1))) >= settings
			.maxPerMinute()) {
			throw new HandoffRefusedException(Reason.TOO_MANY);
		}
		String token = SecretTokens.random(32);
		String code = randomCode();
		HandoffToken issued = tokens.save(HandoffToken.issue(SecretTokens.sha256Hex(token),
				SecretTokens.sha256Hex(code), user.userId(), sessionId, path, now, settings.validity(), userAgent));
		Instant expires = issued.expiresAt();
		audit.record(new AuditRecord(user.email(), "HANDOFF_CREATED", path, "expires " + expires, userAgent, ip));
		return new HandoffTicket(publicUrl + "/handoff/" + token, publicUrl + "/h/" + code, format(code), expires,
				path);
	}

	/**
	 * Whom a token from a QR code or link would sign in, and where, while it can still be
	 * used; nothing is changed or recorded (the page that asks for the tap is a GET).
	 */
	@Transactional(readOnly = true)
	public Optional<HandoffPreview> previewToken(String token) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return Optional.empty();
		}
		return preview("token_hash", SecretTokens.sha256Hex(token));
	}

	/**
	 * The same for a code typed by hand; a wrong code counts against the address as when
	 * it is used.
	 */
	@Transactional
	public Optional<HandoffPreview> previewCode(String typed, String userAgent, String ip) {
		return withCode(typed, userAgent, ip, hash -> preview("code_hash", hash));
	}

	/**
	 * Tokens that expired more than a day ago and wrong codes older than a day are of no
	 * use any more (the audit trail keeps who handed off what): forgotten every hour.
	 * @return how many rows went
	 */
	@Transactional
	@Scheduled(cron = "${rivendo.handoff.cleanup-cron:0 19 * * * *}")
	public int forgetOld() {
		Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
		return tokens.deleteExpiredBefore(dayAgo) + wrongCodes.deleteOlderThan(dayAgo);
	}

	/**
	 * Uses up a token from a QR code or link: who to sign in on this device and where to
	 * go, or nothing.
	 */
	@Transactional
	public Optional<HandoffGrant> useToken(String token, String userAgent, String ip) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return refused("malformed token", userAgent, ip);
		}
		return use(tokens.lockByTokenHash(SecretTokens.sha256Hex(token)), userAgent, ip);
	}

	/**
	 * Uses up a code typed by hand. Wrong codes are counted per address and, past a
	 * limit, refused unread.
	 */
	@Transactional
	public Optional<HandoffGrant> useCode(String typed, String userAgent, String ip) {
		return withCode(typed, userAgent, ip, hash -> use(tokens.lockByCodeHash(hash), userAgent, ip));
	}

	/**
	 * Looks a typed code up, unless the address typed too many wrong ones; a wrong one is
	 * counted.
	 */
	private <T> Optional<T> withCode(String typed, String userAgent, String ip, Function<String, Optional<T>> lookUp) {
		Instant now = clock.instant();
		if (wrongCodes.countByIpAndTypedAtAfter(ip, now.minus(Duration.ofMinutes(10))) >= settings.maxWrongCodes()) {
			refused("too many wrong codes", userAgent, ip);
			return Optional.empty();
		}
		String code = normalizeCode(typed);
		Optional<T> found = CODE.matcher(code).matches() ? lookUp.apply(SecretTokens.sha256Hex(code))
				: Optional.empty();
		if (found.isEmpty()) {
			wrongCodes.save(new WrongCode(ip, now));
		}
		return found;
	}

	/**
	 * The token's account and page while {@link #use} would accept it. Read-only: the
	 * computer's session is looked up in its table (Spring Session would delete an
	 * expired one on the way).
	 */
	private Optional<HandoffPreview> preview(String column, String hash) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select u.email, u.display_name, r.company_name, t.target_path
				from handoff_token t join user_account u on u.id = t.user_id
				     join reseller r on r.id = u.reseller_id
				where t.%s = :hash and t.used_at is null and t.expires_at > :now
				  and u.role = 'RESELLER' and u.enabled and r.enabled
				  and exists (select 1 from spring_session s
				              where s.session_id = t.session_id and s.expiry_time > :nowMillis)""".formatted(column))
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(now))
			.param("nowMillis", now.toEpochMilli())
			.query((row, i) -> new HandoffPreview(row.getString("email"), row.getString("display_name"),
					row.getString("company_name"), row.getString("target_path")))
			.optional();
	}

	private Optional<HandoffGrant> use(Optional<HandoffToken> found, String userAgent, String ip) {
		Instant now = clock.instant();
		if (found.isEmpty() || found.get().status(now) != HandoffStatus.OPEN) {
			return refused("unknown, used or expired", userAgent, ip);
		}
		HandoffToken token = found.get();
		token.use(now, userAgent); // spent, whatever follows
		Optional<ShopUser> login = accounts.login(token.userId());
		String email = login.map(ShopUser::email).orElse("user " + token.userId());
		if (login.isEmpty() || !login.get().isReseller() || !login.get().isEnabled()) {
			return refused("account not allowed: " + email, userAgent, ip);
		}
		if (sessions.findById(token.sessionId()) == null) {
			return refused("the computer's session has ended: " + email, userAgent, ip);
		}
		audit.record(new AuditRecord(email, "HANDOFF_USED", token.targetPath(), null, userAgent, ip));
		// a token stored before the paths were checked this strictly still leads to a
		// flow page
		return Optional.of(new HandoffGrant(email, continuable(token.targetPath()) ? token.targetPath() : "/catalog"));
	}

	private Optional<HandoffGrant> refused(String why, String userAgent, String ip) {
		audit.record(new AuditRecord("anonymous", "HANDOFF_REFUSED", null, why, userAgent, ip));
		return Optional.empty();
	}

	/**
	 * Only the flow pages of the shop, by path: no other host, no scheme, nothing that
	 * could redirect elsewhere.
	 */
	public static boolean continuable(String path) {
		return path != null && path.length() <= MAX_PATH_LENGTH && CONTINUABLE.matcher(path).matches();
	}

	static String normalizeCode(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private String randomCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String format(String code) {
		return code.substring(0, 5) + "-" + code.substring(5);
	}

}
