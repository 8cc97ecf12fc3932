package it.rivendo.handoff;

import it.rivendo.shared.ShopProperties;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.audit.AuditTrail;
import it.rivendo.handoff.HandoffRefusedException.Reason;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.SecretTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Apri su altro dispositivo": a one-time token that continues the same page, signed in as the same reseller, on a
 * phone. The token has 256 random bits (the typed code 50, and wrong codes are throttled per address); only SHA-256
 * hashes are stored; it expires in 5 minutes; it is used up in one conditional UPDATE, so two phones racing for it
 * cannot both win; and it works only while the computer's session that made it is alive (logging out there kills
 * it). Staff accounts are never handed off. Opening the link only shows whom the device would be signed in as
 * ({@link #previewToken}); the token is used up by the tap that confirms it.
 */
@Service
public class Handoff {

	static final Duration VALIDITY = Duration.ofMinutes(5);
	static final int MAX_PER_MINUTE = 5;
	static final int MAX_WRONG_CODES_PER_10_MINUTES = 20;
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final Pattern CODE = Pattern.compile("[" + CODE_ALPHABET + "]{10}");
	/**
	 * The pages of the reseller's flow, by path, as the shop writes them (segments of letters, digits, {@code -} and
	 * {@code _}), with a query string of URL-encoded characters: nothing that could end a header line, leave the
	 * host, climb out with {@code ..} or reach another page.
	 */
	private static final Pattern CONTINUABLE = Pattern.compile("/(catalog|cart|checkout"
			+ "|products/[A-Z0-9][A-Z0-9_-]*"
			+ "|orders(/[0-9A-Za-z-]+(/completed)?)?"
			+ "|account(/credit(/top-up|/top-ups/[0-9A-Za-z-]+)?|/services(/[0-9]+(/associate)?)?|/support(/[0-9]+)?)?)"
			+ "(\\?[A-Za-z0-9._~%!$'()*+,;:@/?=&-]*)?");
	private static final int MAX_PATH_LENGTH = 500;

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private final SessionRepository<?> sessions;
	private final AuditTrail audit;
	private final Clock clock;
	private final String publicUrl;

	Handoff(JdbcClient jdbc, SessionRepository<?> sessions, AuditTrail audit, Clock clock,
			ShopProperties shop) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * A ticket to continue {@code path} on another device, bound to this user and this session.
	 * @throws HandoffRefusedException for staff, for a page that cannot be continued, or when asked too often
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
		long recent = jdbc.sql("select count(*) from handoff_token where user_id = ? and created_at > ?")
			.param(user.userId())
			.param(java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))))
			.query(Long.class)
			.single();
		if (recent >= MAX_PER_MINUTE) {
			throw new HandoffRefusedException(Reason.TOO_MANY);
		}
		String token = SecretTokens.random(32);
		String code = randomCode();
		Instant expires = now.plus(VALIDITY);
		jdbc.sql("""
				insert into handoff_token (token_hash, code_hash, user_id, session_id, target_path, created_at,
				                           expires_at, creator_agent)
				values (:token, :code, :user, :session, :path, :now, :expires, :agent)""")
			.param("token", SecretTokens.sha256Hex(token))
			.param("code", SecretTokens.sha256Hex(code))
			.param("user", user.userId())
			.param("session", sessionId)
			.param("path", path)
			.param("now", java.sql.Timestamp.from(now))
			.param("expires", java.sql.Timestamp.from(expires))
			.param("agent", userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500)))
			.update();
		audit.record(new AuditRecord(user.email(), "HANDOFF_CREATED", path, "expires " + expires, userAgent, ip));
		return new HandoffTicket(publicUrl + "/handoff/" + token, publicUrl + "/h/" + code, format(code), expires,
				path);
	}

	/**
	 * Whom a token from a QR code or link would sign in, and where, while it can still be used; nothing is changed
	 * or recorded (the page that asks for the tap is a GET).
	 */
	@Transactional(readOnly = true)
	public Optional<HandoffPreview> previewToken(String token) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return Optional.empty();
		}
		return preview("token_hash", SecretTokens.sha256Hex(token));
	}

	/** The same for a code typed by hand; a wrong code counts against the address as when it is used. */
	@Transactional
	public Optional<HandoffPreview> previewCode(String typed, String userAgent, String ip) {
		return withCode(typed, userAgent, ip, hash -> preview("code_hash", hash));
	}

	/**
	 * Tokens that expired more than a day ago and wrong codes older than a day are of no use any more (the audit
	 * trail keeps who handed off what): forgotten every hour.
	 * @return how many rows went
	 */
	@Transactional
	@Scheduled(cron = "${rivendo.handoff.cleanup-cron:0 19 * * * *}")
	public int forgetOld() {
		java.sql.Timestamp dayAgo = java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
		return jdbc.sql("delete from handoff_token where expires_at < ?").param(dayAgo).update()
				+ jdbc.sql("delete from handoff_failure where at < ?").param(dayAgo).update();
	}

	/** Uses up a token from a QR code or link: who to sign in on this device and where to go, or nothing. */
	@Transactional
	public Optional<HandoffGrant> useToken(String token, String userAgent, String ip) {
		if (!SecretTokens.looksLike256Bits(token)) {
			return refused("malformed token", userAgent, ip);
		}
		return use("token_hash", SecretTokens.sha256Hex(token), userAgent, ip);
	}

	/** Uses up a code typed by hand. Wrong codes are counted per address and, past a limit, refused unread. */
	@Transactional
	public Optional<HandoffGrant> useCode(String typed, String userAgent, String ip) {
		return withCode(typed, userAgent, ip, hash -> use("code_hash", hash, userAgent, ip));
	}

	/** Looks a typed code up, unless the address typed too many wrong ones; a wrong one is counted. */
	private <T> Optional<T> withCode(String typed, String userAgent, String ip,
			java.util.function.Function<String, Optional<T>> lookUp) {
		Instant now = clock.instant();
		long wrong = jdbc.sql("select count(*) from handoff_failure where ip = ? and at > ?")
			.param(ip)
			.param(java.sql.Timestamp.from(now.minus(Duration.ofMinutes(10))))
			.query(Long.class)
			.single();
		if (wrong >= MAX_WRONG_CODES_PER_10_MINUTES) {
			refused("too many wrong codes", userAgent, ip);
			return Optional.empty();
		}
		String code = normalizeCode(typed);
		Optional<T> found = CODE.matcher(code).matches() ? lookUp.apply(SecretTokens.sha256Hex(code))
				: Optional.empty();
		if (found.isEmpty()) {
			jdbc.sql("insert into handoff_failure (ip, at) values (?, ?)")
				.param(ip)
				.param(java.sql.Timestamp.from(now))
				.update();
		}
		return found;
	}

	/**
	 * The token's account and page while {@link #use} would accept it. Read-only: the computer's session is looked
	 * up in its table (Spring Session would delete an expired one on the way).
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

	private Optional<HandoffGrant> use(String column, String hash, String userAgent, String ip) {
		Instant now = clock.instant();
		// One statement: of two devices racing for the same token, exactly one gets the row.
		Optional<Used> used = jdbc.sql("""
				update handoff_token t set used_at = :now, user_agent = :agent
				from user_account u left join reseller r on r.id = u.reseller_id
				where t.%s = :hash and t.used_at is null and t.expires_at > :now and u.id = t.user_id
				returning u.email, u.role, u.enabled and coalesce(r.enabled, true) as enabled, t.session_id,
				          t.target_path""".formatted(column))
			.param("now", java.sql.Timestamp.from(now))
			.param("agent", userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500)))
			.param("hash", hash)
			.query((row, i) -> new Used(row.getString("email"), row.getString("role"), row.getBoolean("enabled"),
					row.getString("session_id"), row.getString("target_path")))
			.optional();
		if (used.isEmpty()) {
			return refused("unknown, used or expired", userAgent, ip);
		}
		Used handoff = used.get();
		if (!"RESELLER".equals(handoff.role()) || !handoff.enabled()) {
			return refused("account not allowed: " + handoff.email(), userAgent, ip);
		}
		if (sessions.findById(handoff.sessionId()) == null) {
			return refused("the computer's session has ended: " + handoff.email(), userAgent, ip);
		}
		audit.record(new AuditRecord(handoff.email(), "HANDOFF_USED", handoff.targetPath(), null, userAgent, ip));
		// a token stored before the paths were checked this strictly still leads to a flow page
		return Optional.of(new HandoffGrant(handoff.email(),
				continuable(handoff.targetPath()) ? handoff.targetPath() : "/catalog"));
	}

	private Optional<HandoffGrant> refused(String why, String userAgent, String ip) {
		audit.record(new AuditRecord("anonymous", "HANDOFF_REFUSED", null, why, userAgent, ip));
		return Optional.empty();
	}

	/** Only the flow pages of the shop, by path: no other host, no scheme, nothing that could redirect elsewhere. */
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

	private record Used(String email, String role, boolean enabled, String sessionId, String targetPath) {
	}
}
