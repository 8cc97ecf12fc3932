package it.rivendo.ordering;

import it.rivendo.identity.Team;
import it.rivendo.identity.TeamMember;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Operatore's monthly spending limit (issue 17), held at payment like the credit: the
 * payment's transaction locks the user's row, then sums what the user's paid orders of
 * this calendar month (Europe/Rome, from the injected clock) come to. Two payments of one
 * user (two tabs, a bulk confirmation and a checkout) take turns on that lock, so the
 * second sees the first one's order; the credit's guarded debit keeps the balance, and
 * payments of two operators of one reseller each keep their own limit. The Titolare has
 * no limit, and nor does the shop when it pays by itself (automatic renewals).
 */
@Service
public class SpendingLimits {

	private final Team team;

	private final JdbcClient jdbc;

	private final Clock clock;

	SpendingLimits(Team team, JdbcClient jdbc, Clock clock) {
		this.team = team;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The user's limit and what it spent this month, for the pages; empty when no limit
	 * applies (a Titolare, an Operatore without one).
	 */
	@Transactional(readOnly = true)
	public Optional<MonthlyAllowance> allowance(long resellerId, long userId) {
		return allowance(team.member(resellerId, userId));
	}

	/**
	 * Inside the payment's transaction, before anything is written: locks the paying user
	 * and refuses an amount its limit does not cover. Nothing to check for a payment the
	 * shop makes by itself (no user).
	 * @throws SpendingLimitExceededException when the amount would pass this month's
	 * limit
	 * @throws Refusal {@code checkout.spender.notAllowed} when the user may no longer buy
	 * (disabled, removed, made Contabile while the page was open)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void require(long resellerId, Long userId, Money amount) {
		if (userId == null) {
			return;
		}
		TeamMember spender = team.lockForSpending(resellerId, userId);
		if (!spender.active() || !spender.role().canBuy()) {
			throw new Refusal("checkout.spender.notAllowed");
		}
		Optional<MonthlyAllowance> allowance = allowance(spender);
		if (allowance.isPresent() && !allowance.get().covers(amount)) {
			throw new SpendingLimitExceededException(allowance.get());
		}
	}

	private Optional<MonthlyAllowance> allowance(TeamMember user) {
		if (user.role() != TeamRole.OPERATOR || user.monthlyLimit() == null) {
			return Optional.empty();
		}
		YearMonth month = YearMonth.now(clock.withZone(Formats.SHOP_ZONE));
		Instant from = month.atDay(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		BigDecimal spent = jdbc.sql("""
				select coalesce(sum(total_amount), 0) from purchase_order
				where placed_by_user_id = :user and status = 'PAID' and created_at >= :from and created_at < :to""")
			.param("user", user.id())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(BigDecimal.class)
			.single();
		return Optional.of(new MonthlyAllowance(user.monthlyLimit(), Money.of(spent)));
	}

}
