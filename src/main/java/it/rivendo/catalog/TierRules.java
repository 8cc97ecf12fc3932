package it.rivendo.catalog;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.catalog.TopUpTotals.TopUpHistory;
import it.rivendo.catalog.internal.CatalogCache;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Discount tiers follow top-ups: the tier is the highest whose threshold the reseller's
 * top-ups of the last 12 months reach; a reseller who has not topped up for 6 months
 * falls back to the base tier. Staff may pin a tier by hand, with a reason; a pinned tier
 * is left alone.
 */
@Service
@Transactional
public class TierRules {

	static final Duration WINDOW = Duration.ofDays(365);
	static final Duration INACTIVITY = Duration.ofDays(183);

	private final JdbcClient jdbc;

	private final TopUpTotals credit;

	private final AuditTrail audit;

	private final Clock clock;

	private final CatalogCache cache;

	/**
	 * One reseller's recomputation in a transaction of its own ({@link #recomputeAll}).
	 */
	private final TransactionTemplate eachReseller;

	TierRules(JdbcClient jdbc, TopUpTotals credit, AuditTrail audit, Clock clock, CatalogCache cache,
			PlatformTransactionManager transactions) {
		this.cache = cache;
		this.eachReseller = new TransactionTemplate(transactions);
		this.eachReseller.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.credit = credit;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Puts the reseller in the tier its top-ups earn, unless staff pinned it; called as
	 * each top-up is recorded.
	 */
	public void recompute(long resellerId) {
		// one recomputation of a reseller at a time (a top-up's, the nightly one's),
		// each until its transaction ends: the top-ups are read after the other has
		// committed, so neither writes a tier from top-ups read before the other's
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reseller_tier ' || :reseller, 0))")
			.param("reseller", resellerId)
			.query((row, i) -> true)
			.single();
		Instant now = clock.instant();
		Tier earned = earned(tiers(), credit.topUpsSince(resellerId, now.minus(WINDOW)), now);
		jdbc.sql("""
				insert into reseller_tier (reseller_id, tier_id, since, pinned) values (:reseller, :tier, :now, false)
				on conflict (reseller_id) do update set tier_id = excluded.tier_id, since = excluded.since
				where reseller_tier.tier_id <> excluded.tier_id and not reseller_tier.pinned""")
			.param("reseller", resellerId)
			.param("tier", earned.id())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Every reseller again: those who stopped topping up fall back. Safe to run on
	 * several instances at once. Each reseller in a transaction of its own: one
	 * transaction over all of them kept every changed tier row and, from the first change
	 * on, the catalog's version row (V161) locked to its end, and a top-up moving a
	 * reseller up (its tier row, then the version) deadlocked with it (issue 22).
	 */
	@Scheduled(cron = "${rivendo.catalog.tier-cron:0 30 3 * * *}")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int recomputeAll() {
		List<Long> resellers = jdbc.sql("select id from reseller order by id").query(Long.class).list();
		resellers.forEach(reseller -> eachReseller.executeWithoutResult(status -> recompute(reseller)));
		return resellers.size();
	}

	@Transactional(readOnly = true)
	public TierStatus statusOf(long resellerId) {
		Instant now = clock.instant();
		List<Tier> tiers = tiers();
		// kept under the catalog's version, which a change of placement renews (V161)
		Optional<Placement> placement = cache.get(new PlacementKey(resellerId),
				() -> jdbc.sql("select tier_id, since, pinned from reseller_tier where reseller_id = ?")
					.param(resellerId)
					.query((row, i) -> new Placement(row.getLong("tier_id"), row.getTimestamp("since").toInstant(),
							row.getBoolean("pinned")))
					.optional());
		Tier current = placement.flatMap(p -> tiers.stream().filter(t -> t.id() == p.tierId()).findFirst())
			.orElse(tiers.get(0));
		TopUpHistory history = credit.topUpsSince(resellerId, now.minus(WINDOW));
		boolean pinned = placement.map(Placement::pinned).orElse(false);
		Instant holdsUntil = pinned || current == tiers.get(0) || history.last() == null ? null
				: history.last().plus(INACTIVITY);
		Optional<Tier> next = pinned ? Optional.empty()
				: tiers.stream().filter(t -> t.minTopUp().compareTo(current.minTopUp()) > 0).findFirst();
		return new TierStatus(current.code(), current.name(), current.percent(),
				placement.map(Placement::since).orElse(null), pinned, holdsUntil, history.total(),
				next.map(Tier::name).orElse(null),
				next.map(t -> t.minTopUp().minus(history.total())).filter(Money::isPositive).orElse(null));
	}

	/** Staff put a reseller in a tier by hand, and it stays there until unpinned. */
	public void pin(long resellerId, String tierCode, String reason, String actor) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A reason is required");
		}
		Tier tier = tiers().stream()
			.filter(t -> t.code().equals(tierCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("tier " + tierCode));
		TierStatus before = statusOf(resellerId);
		jdbc.sql("""
				insert into reseller_tier (reseller_id, tier_id, since, pinned, reason, pinned_by)
				values (:reseller, :tier, :now, true, :reason, :actor)
				on conflict (reseller_id) do update set tier_id = excluded.tier_id, since = excluded.since,
				    pinned = true, reason = excluded.reason, pinned_by = excluded.pinned_by""")
			.param("reseller", resellerId)
			.param("tier", tier.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason.strip())
			.param("actor", actor)
			.update();
		audit.record(AuditRecord.of(actor, "TIER_PINNED", "reseller " + resellerId,
				before.code() + " -> " + tierCode + ": " + reason.strip()));
	}

	/** Back to the tier the top-ups earn. */
	public void unpin(long resellerId, String actor) {
		jdbc.sql("update reseller_tier set pinned = false, reason = null, pinned_by = null where reseller_id = ?")
			.param(resellerId)
			.update();
		recompute(resellerId);
		audit.record(AuditRecord.of(actor, "TIER_UNPINNED", "reseller " + resellerId, null));
	}

	/** The top-up over 12 months that reaches a tier. */
	public void setThreshold(String tierCode, Money minTopUp, String actor) {
		if (minTopUp.isNegative()) {
			throw new IllegalArgumentException("A threshold cannot be negative");
		}
		int changed = jdbc.sql("update discount_tier set min_top_up = ? where code = ?")
			.param(minTopUp.amount())
			.param(tierCode)
			.update();
		if (changed == 0) {
			throw new NotFoundException("tier " + tierCode);
		}
		audit.record(AuditRecord.of(actor, "TIER_THRESHOLD", "tier " + tierCode, "min top-up " + minTopUp));
	}

	/** Tiers from the base (lowest threshold) up. */
	@Transactional(readOnly = true)
	public List<Tier> tiers() {
		// kept under the catalog's version, which a change of tier renews (V161)
		List<Tier> tiers = cache.get(TiersKey.TIERS,
				() -> List.copyOf(jdbc.sql("select * from discount_tier order by min_top_up, percent, sort_order, id")
					.query((row, i) -> new Tier(row.getLong("id"), row.getString("code"),
							new LocalizedText(row.getString("name_it"), row.getString("name_en")),
							row.getBigDecimal("percent"), Money.of(row.getBigDecimal("min_top_up"))))
					.list()));
		if (tiers.isEmpty()) {
			throw new IllegalStateException("No discount tier is defined");
		}
		return tiers;
	}

	static Tier earned(List<Tier> tiers, TopUpHistory history, Instant now) {
		if (history.last() == null || history.last().isBefore(now.minus(INACTIVITY))) {
			return tiers.get(0);
		}
		Tier earned = tiers.get(0);
		for (Tier tier : tiers) {
			if (tier.minTopUp().compareTo(history.total()) <= 0) {
				earned = tier;
			}
		}
		return earned;
	}

	/** A tier and the top-up over 12 months that reaches it. */
	public record Tier(long id, String code, LocalizedText name, BigDecimal percent, Money minTopUp) {
	}

	private record Placement(long tierId, Instant since, boolean pinned) {
	}

	private enum TiersKey {

		TIERS

	}

	private record PlacementKey(long resellerId) {
	}

}
