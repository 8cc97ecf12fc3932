package it.rivendo.credit;

import it.rivendo.catalog.TopUpTotals;
import it.rivendo.shared.Money;
import it.rivendo.shared.Versions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reseller's prepaid credit. Every movement is an immutable ledger entry; the running
 * balance sits in {@code credit_account}, changed only by conditional updates and guarded
 * by {@code CHECK (balance >= 0)}, so that no concurrency can take it below zero. Its
 * top-ups are what discount tiers are earned with ({@link TopUpTotals}).
 */
@Service
@Transactional
public class CreditLedger implements TopUpTotals {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Versions versions;

	CreditLedger(JdbcClient jdbc, ApplicationEventPublisher events, Versions versions) {
		this.jdbc = jdbc;
		this.events = events;
		this.versions = versions;
	}

	@Transactional(readOnly = true)
	public Money balanceOf(long resellerId) {
		// a signed-in page view read it with the versions (BalanceWithVersions)
		Optional<Versions.Kept> kept = versions.alongside(BalanceWithVersions.name(resellerId));
		if (kept.isPresent()) {
			return kept.get().value() instanceof BigDecimal balance ? Money.of(balance) : Money.ZERO;
		}
		return jdbc.sql("select balance from credit_account where reseller_id = ?")
			.param(resellerId)
			.query(BigDecimal.class)
			.optional()
			.map(Money::of)
			.orElse(Money.ZERO);
	}

	/**
	 * Adds credit: a top-up, a refund or a positive adjustment. A top-up publishes
	 * {@link TopUpRecorded}.
	 */
	public LedgerEntry credit(long resellerId, EntryKind kind, Money amount, String reference, String description,
			String actor) {
		requirePositive(amount);
		if (kind == EntryKind.PURCHASE) {
			throw new IllegalArgumentException("A purchase spends credit, it does not add it");
		}
		BigDecimal balance = jdbc.sql("""
				insert into credit_account (reseller_id, balance) values (:reseller, :amount)
				on conflict (reseller_id) do update
				   set balance = credit_account.balance + excluded.balance, updated_at = now()
				returning balance""")
			.param("reseller", resellerId)
			.param("amount", amount.amount())
			.query(BigDecimal.class)
			.single();
		LedgerEntry entry = record(resellerId, kind, amount, Money.of(balance), reference, description, actor);
		if (kind == EntryKind.TOPUP) {
			events.publishEvent(new TopUpRecorded(entry.id(), resellerId, amount, reference, entry.createdAt()));
		}
		return entry;
	}

	@Override
	@Transactional(readOnly = true)
	public TopUpHistory topUpsSince(long resellerId, java.time.Instant since) {
		return jdbc.sql("""
				select coalesce(sum(amount) filter (where created_at >= :since), 0) as total, max(created_at) as last
				from credit_entry where reseller_id = :reseller and kind = 'TOPUP'""")
			.param("since", java.sql.Timestamp.from(since))
			.param("reseller", resellerId)
			.query((row, i) -> new TopUpHistory(Money.of(row.getBigDecimal("total")),
					row.getTimestamp("last") == null ? null : row.getTimestamp("last").toInstant()))
			.single();
	}

	/**
	 * Spends credit, all or nothing: the row is updated only while the balance covers the
	 * amount.
	 * @throws InsufficientCreditException when it does not, leaving everything as it was
	 */
	public LedgerEntry debit(long resellerId, EntryKind kind, Money amount, String reference, String description,
			String actor) {
		requirePositive(amount);
		Optional<BigDecimal> balance = jdbc.sql("""
				update credit_account set balance = balance - :amount, updated_at = now()
				where reseller_id = :reseller and balance >= :amount
				returning balance""")
			.param("reseller", resellerId)
			.param("amount", amount.amount())
			.query(BigDecimal.class)
			.optional();
		if (balance.isEmpty()) {
			throw new InsufficientCreditException(balanceOf(resellerId), amount);
		}
		return record(resellerId, kind, amount.negate(), Money.of(balance.get()), reference, description, actor);
	}

	@Transactional(readOnly = true)
	public Page<LedgerEntry> entries(long resellerId, Pageable page) {
		List<LedgerEntry> content = jdbc
			.sql("""
					select * from credit_entry where reseller_id = :reseller order by id desc limit :limit offset :offset""")
			.param("reseller", resellerId)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(CreditLedger::entry)
			.list();
		long total = jdbc.sql("select count(*) from credit_entry where reseller_id = ?")
			.param(resellerId)
			.query(Long.class)
			.single();
		return new PageImpl<>(content, page, total);
	}

	/**
	 * A reseller's entries newest first, a slice at a time (keyset: the next slice starts
	 * below the last id seen), optionally only those made in {@code [from, to)}.
	 * @param beforeId only entries with a smaller id; null for the newest
	 */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entriesBefore(long resellerId, java.time.@Nullable Instant from,
			java.time.@Nullable Instant to, @Nullable Long beforeId, int limit) {
		return jdbc.sql("""
				select * from credit_entry
				where reseller_id = :reseller
				  and (cast(:from as timestamptz) is null or created_at >= cast(:from as timestamptz))
				  and (cast(:to as timestamptz) is null or created_at < cast(:to as timestamptz))
				  and (cast(:before as bigint) is null or id < cast(:before as bigint))
				order by id desc limit :limit""")
			.param("reseller", resellerId)
			.param("from", from == null ? null : java.sql.Timestamp.from(from), java.sql.Types.TIMESTAMP)
			.param("to", to == null ? null : java.sql.Timestamp.from(to), java.sql.Types.TIMESTAMP)
			.param("before", beforeId, java.sql.Types.BIGINT)
			.param("limit", limit)
			.query(CreditLedger::entry)
			.list();
	}

	/** The sum of every entry: always equal to the balance. */
	@Transactional(readOnly = true)
	public Money sumOfEntries(long resellerId) {
		BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from credit_entry where reseller_id = ?")
			.param(resellerId)
			.query(BigDecimal.class)
			.single();
		return Money.of(sum);
	}

	private LedgerEntry record(long resellerId, EntryKind kind, Money signedAmount, Money balanceAfter,
			String reference, String description, String actor) {
		return jdbc.sql("""
				insert into credit_entry (reseller_id, kind, amount, balance_after, reference, description, created_by)
				values (:reseller, :kind, :amount, :balanceAfter, :reference, :description, :actor)
				returning *""")
			.param("reseller", resellerId)
			.param("kind", kind.name())
			.param("amount", signedAmount.amount())
			.param("balanceAfter", balanceAfter.amount())
			.param("reference", reference)
			.param("description", description)
			.param("actor", actor)
			.query(CreditLedger::entry)
			.single();
	}

	private static void requirePositive(Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("The amount must be positive: " + amount);
		}
	}

	private static LedgerEntry entry(ResultSet row, int index) throws SQLException {
		return new LedgerEntry(row.getLong("id"), row.getLong("reseller_id"), EntryKind.valueOf(row.getString("kind")),
				Money.of(row.getBigDecimal("amount")), Money.of(row.getBigDecimal("balance_after")),
				row.getString("reference"), row.getString("description"), row.getString("created_by"),
				row.getTimestamp("created_at").toInstant());
	}

}
