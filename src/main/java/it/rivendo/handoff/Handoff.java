package it.rivendo.handoff;

import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.audit.AuditTrail;
import it.rivendo.handoff.HandoffRefusedException.Reason;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.SecretTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
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
 * it). Staff accounts are never handed off.
 */
@Service
public class Handoff {

	static final Duration VALIDITY = Duration.ofMinutes(5);
	static final int MAX_PER_MINUTE = 5;
	static final int MAX_WRONG_CODES_PER_10_MINUTES = 20;
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final Pattern CODE = Pattern.compile("[" + CODE_ALPHABET + "]{10}");
	private static final List<String> CONTINUABLE = List.of("/catalog", "/products/", "/cart", "/checkout",
			"/orders", "/account");

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private final SessionRepository<?> sessions;
	private final AuditTrail audit;
	private final Clock clock;
	private final String publicUrl;

	Handoff(JdbcClient jdbc, SessionRepository<?> sessions, AuditTrail audit, Clock clock,
			@Value("${rivendo.public-url}") String publicUrl) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
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
		Instant now = clock.instant();
		long wrong = jdbc.sql("select count(*) from handoff_failure where ip = ? and at > ?")
			.param(ip)
			.param(java.sql.Timestamp.from(now.minus(Duration.ofMinutes(10))))
			.query(Long.class)
			.single();
		if (wrong >= MAX_WRONG_CODES_PER_10_MINUTES) {
			return refused("too many wrong codes", userAgent, ip);
		}
		String code = normalizeCode(typed);
		Optional<HandoffGrant> grant = CODE.matcher(code).matches() ? use("code_hash", SecretTokens.sha256Hex(code), userAgent, ip)
				: Optional.empty();
		if (grant.isEmpty()) {
			jdbc.sql("insert into handoff_failure (ip, at) values (?, ?)")
				.param(ip)
				.param(java.sql.Timestamp.from(now))
				.update();
		}
		return grant;
	}

	private Optional<HandoffGrant> use(String column, String hash, String userAgent, String ip) {
		Instant now = clock.instant();
		// One statement: of two devices racing for the same token, exactly one gets the row.
		Optional<Used> used = jdbc.sql("""
				update handoff_token t set used_at = :now, user_agent = :agent
				from user_account u
				where t.%s = :hash and t.used_at is null and t.expires_at > :now and u.id = t.user_id
				returning u.email, u.role, u.enabled, t.session_id, t.target_path""".formatted(column))
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
		return Optional.of(new HandoffGrant(handoff.email(), handoff.targetPath()));
	}

	private Optional<HandoffGrant> refused(String why, String userAgent, String ip) {
		audit.record(new AuditRecord("anonymous", "HANDOFF_REFUSED", null, why, userAgent, ip));
		return Optional.empty();
	}

	/** Only the shop's own pages, by path: no other host, no scheme, nothing that could redirect elsewhere. */
	public static boolean continuable(String path) {
		if (path == null || path.length() > 500 || !path.startsWith("/") || path.startsWith("//")
				|| path.contains("\\") || path.contains("://")) {
			return false;
		}
		return CONTINUABLE.stream().anyMatch(path::startsWith) && !path.startsWith("/account/handoff");
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
